import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseCommandService } from 'src/cases/case-command.service';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { ListCasesQueryDto, ListEventsQueryDto, WorkQueueQueryDto } from 'src/cases/case-query.dto';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseRepository } from 'src/cases/case.repository';
import {
  CaseEventDto,
  CasePageDto,
  CaseResponseDto,
  CaseSummaryDto,
  toCaseEventDto,
  toCaseSummary,
} from 'src/cases/case-response.dto';
import { CaseService } from 'src/cases/case.service';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { OrgUnitService } from 'src/org-units/org-unit.service';

interface Cursor {
  receivedAt: Date;
  id: string;
}

function encodeCursor(receivedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([receivedAt.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): Cursor {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const receivedAt = new Date(at);
    if (Number.isNaN(receivedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(id)) throw new Error('bad cursor');
    return { receivedAt, id };
  } catch {
    throw new ValidationFailedError([{ field: 'cursor', reasons: ['cursor is not one this API returned'] }]);
  }
}

@Injectable()
export class CaseQueryService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly eventLog: CaseEventRepository,
    private readonly commands: CaseCommandService,
    private readonly caseService: CaseService,
    private readonly units: OrgUnitService,
  ) {}

  async get(actor: Actor, id: string): Promise<CaseResponseDto> {
    return this.caseService.respond(await this.commands.requireInScope(actor, id));
  }

  async events(actor: Actor, id: string, query: ListEventsQueryDto): Promise<CaseEventDto[]> {
    await this.commands.requireInScope(actor, id);
    return (await this.eventLog.listForCase(id, query.limit)).map(toCaseEventDto);
  }

  async list(actor: Actor, query: ListCasesQueryDto): Promise<CasePageDto> {
    const scopePath =
      query.orgUnitId === undefined
        ? actor.principal.unitPath
        : (await this.units.requireInScope(query.orgUnitId, actor.principal)).path;
    const rows = await this.cases.search({
      scopePath,
      status: query.status,
      kind: query.kind,
      category: query.category,
      priority: query.priority,
      channel: query.channel,
      receivedFrom: query.receivedFrom === undefined ? undefined : new Date(query.receivedFrom),
      receivedTo: query.receivedTo === undefined ? undefined : new Date(query.receivedTo),
      employerId: query.employerId,
      number: query.number,
      text: query.q,
      after: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit + 1,
    });
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toCaseSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
    };
  }

  /** `GET /me/cases`: the caller's open cases, oldest first. */
  async myCases(actor: Actor, query: WorkQueueQueryDto): Promise<CasePageDto> {
    return this.queuePage(query, (after) =>
      this.cases.workQueue({ assigneeId: actor.principal.userId }, actor.principal.unitPath, query.limit + 1, after),
    );
  }

  /** `GET /units/:id/inbox`: dispatched to the unit and not yet accepted or returned, oldest first. */
  async inbox(actor: Actor, unitId: string, query: WorkQueueQueryDto): Promise<CasePageDto> {
    const unit = await this.units.requireInScope(unitId, actor.principal);
    return this.queuePage(query, (after) =>
      this.cases.workQueue({ unitId: unit.id }, unit.path, query.limit + 1, after),
    );
  }

  private async queuePage(
    query: WorkQueueQueryDto,
    load: (after?: Cursor) => Promise<CaseEntity[]>,
  ): Promise<CasePageDto> {
    const rows = await load(query.cursor === undefined ? undefined : decodeCursor(query.cursor));
    const page = rows.slice(0, query.limit);
    const last = page.at(-1);
    return {
      items: page.map(toCaseSummary),
      nextCursor: rows.length > query.limit && last ? encodeCursor(last.receivedAt, last.id) : null,
    };
  }

  /** Open cases of these parties in the caller's scope (repeat-caller recognition). */
  async openCasesOf(actor: Actor, partyIds: string[]): Promise<CaseSummaryDto[]> {
    return (await this.cases.openCasesOfParties(partyIds, actor.principal)).map(toCaseSummary);
  }
}
