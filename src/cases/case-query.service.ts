import { Injectable } from '@nestjs/common';
import { Actor, UnitScope } from 'src/auth/principal';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseListFilters, EventOrder, ListCasesQueryDto, ListEventsQueryDto } from 'src/cases/case-query.dto';
import { CaseCriteria, CaseFilter, CaseRepository } from 'src/cases/case.repository';
import {
  CaseEventDto,
  CasePageDto,
  CaseResponseDto,
  CaseSummaryDto,
  toCaseEventDto,
  toCaseSummary,
} from 'src/cases/case-response.dto';
import { CaseService } from 'src/cases/case.service';
import { CaseWriter } from 'src/cases/case-writer';
import { decodeCursor, isIsoInstant, isUuid, keysetPage } from 'src/common/http/cursor';
import { OrgUnitService } from 'src/org-units/org-unit.service';

function afterReceived(cursor: string): { receivedAt: Date; id: string } {
  const [at = '', id = ''] = decodeCursor(cursor, [isIsoInstant, isUuid]);
  return { receivedAt: new Date(at), id };
}

@Injectable()
export class CaseQueryService {
  constructor(
    private readonly cases: CaseRepository,
    private readonly eventLog: CaseEventRepository,
    private readonly writer: CaseWriter,
    private readonly caseService: CaseService,
    private readonly units: OrgUnitService,
  ) {}

  async get(actor: Actor, id: string): Promise<CaseResponseDto> {
    return this.caseService.respond(await this.writer.requireInScope(actor, id));
  }

  async events(actor: Actor, id: string, query: ListEventsQueryDto): Promise<CaseEventDto[]> {
    await this.writer.requireInScope(actor, id);
    return (await this.eventLog.listForCase(id, query.limit, query.order === EventOrder.Newest)).map(toCaseEventDto);
  }

  async list(actor: Actor, query: ListCasesQueryDto): Promise<CasePageDto> {
    const rows = await this.cases.search({
      ...(await this.criteria(actor.principal, query)),
      after: query.cursor === undefined ? undefined : afterReceived(query.cursor),
      limit: query.limit + 1,
    });
    return keysetPage(rows, query.limit, toCaseSummary, (c) => [c.receivedAt.toISOString(), c.id]);
  }

  /** The list's filters as repository criteria, within the caller's scope (a named unit outside it is a 404). */
  async criteria(within: UnitScope, query: CaseListFilters): Promise<CaseCriteria> {
    const unit = await this.units.ownerUnit(within, query.orgUnitId);
    return {
      scopePath: unit.path,
      ownerUnitId: query.ownUnitOnly === true ? unit.id : undefined,
      status: query.status,
      kind: query.kind,
      category: query.category,
      priority: query.priority,
      channel: query.channel,
      receivedFrom: instant(query.receivedFrom),
      receivedTo: instant(query.receivedTo),
      open: query.open,
      outcome: query.outcome,
      collective: query.collective,
      dated: datedRanges(query),
      breachedTimer: query.breachedTimer,
      awaitingCallback: query.awaitingCallback,
      employerId: query.employerId,
      number: query.number,
      text: query.q,
    };
  }

  /** Open cases of these parties in the caller's scope (repeat-caller recognition). */
  async openCasesOf(actor: Actor, partyIds: string[]): Promise<CaseSummaryDto[]> {
    return (await this.cases.openCasesOfParties(partyIds, actor.principal)).map(toCaseSummary);
  }
}

const instant = (value: string | undefined): Date | undefined => (value === undefined ? undefined : new Date(value));

function datedRanges(query: CaseListFilters): CaseFilter['dated'] {
  const ranges: CaseFilter['dated'] = {};
  const pairs = [
    ['closed', query.closedFrom, query.closedTo],
    ['callback', query.callbackFrom, query.callbackTo],
    ['paid', query.paidFrom, query.paidTo],
    ['firstPaid', query.firstPaidFrom, query.firstPaidTo],
    ['breached', query.breachedFrom, query.breachedTo],
  ] as const;
  for (const [basis, from, to] of pairs) {
    // A breached clock of one kind, at any time, is a filter too.
    const wanted =
      from !== undefined || to !== undefined || (basis === 'breached' && query.breachedTimer !== undefined);
    if (wanted) ranges[basis] = { from: instant(from), to: instant(to) };
  }
  return ranges;
}
