import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseCommandService } from 'src/cases/case-command.service';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { ListCasesQueryDto, ListEventsQueryDto } from 'src/cases/case-query.dto';
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

  /** Open cases of these parties in the caller's scope (repeat-caller recognition). */
  async openCasesOf(actor: Actor, partyIds: string[]): Promise<CaseSummaryDto[]> {
    return (await this.cases.openCasesOfParties(partyIds, actor.principal)).map(toCaseSummary);
  }
}
