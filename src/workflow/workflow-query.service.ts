import { Clock } from 'src/common/util/clock';
import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseWriter } from 'src/cases/case-writer';
import { fenToYuan } from 'src/common/money/money';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { instalmentStates } from 'src/workflow/effects/instalments';
import {
  BreachPageDto,
  CaseTimerDto,
  LedgerDto,
  LegalStageDto,
  MediationSessionDto,
} from 'src/workflow/workflow-query.dto';
import { decodeCursor, isIsoInstant, isUuid, keysetPage } from 'src/common/http/cursor';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { TimerName } from 'src/cases/case-clock.enums';
import { CaseTimerRepository } from 'src/sla/case-timer.repository';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';

/** Reads of what the workflow recorded: ledger with instalment states, mediation sessions, legal-aid stages. */
@Injectable()
export class WorkflowQueryService {
  constructor(
    private readonly clock: Clock,
    private readonly writer: CaseWriter,
    private readonly records: WorkflowRecordsRepository,
    private readonly caseTimers: CaseTimerRepository,
    private readonly units: OrgUnitService,
  ) {}

  async ledger(actor: Actor, id: string): Promise<LedgerDto> {
    const entity = await this.writer.requireInScope(actor, id);
    const entries = await this.records.paymentsOf(entity.id);
    const recovered = entries.reduce((sum, e) => sum + BigInt(e.amountFen), 0n);
    const instalments = await this.records.instalmentsOf(entity.id);
    const states = instalmentStates(
      instalments.map((i) => ({ seq: i.seq, dueOn: i.dueOn, amountFen: BigInt(i.amountFen) })),
      recovered,
      shanghaiDay(this.clock.now()),
    );
    return {
      recovered: fenToYuan(recovered),
      agreed: fenToYuan(entity.agreedFen),
      entries: entries.map((e) => ({
        id: e.id,
        amount: fenToYuan(e.amountFen),
        paidOn: e.paidOn,
        payer: e.payer,
        evidenceAttachmentId: e.evidenceAttachmentId,
        correctsId: e.correctsId,
        reason: e.reason,
        recordedBy: e.recordedBy,
        createdAt: e.createdAt.toISOString(),
      })),
      instalments: states.map((s) => ({ seq: s.seq, dueOn: s.dueOn, amount: fenToYuan(s.amountFen), state: s.state })),
    };
  }

  async timers(actor: Actor, id: string): Promise<CaseTimerDto[]> {
    const entity = await this.writer.requireInScope(actor, id);
    return (await this.caseTimers.listForCase(entity.id)).map((t) => ({
      id: t.id,
      timer: t.timer,
      ref: t.ref,
      state: t.state,
      policyCode: t.policyCode,
      policyVersion: t.policyVersion,
      mode: t.mode,
      startedAt: t.startedAt.toISOString(),
      warnAt: t.warnAt.toISOString(),
      dueAt: t.dueAt.toISOString(),
      metAt: t.metAt?.toISOString() ?? null,
      breachedAt: t.breachedAt?.toISOString() ?? null,
      extendedMs: Number(t.extendedMs),
      maxExtensionMs: Number(t.maxExtensionMs),
    }));
  }

  async breaches(
    actor: Actor,
    query: { timer?: TimerName; orgUnitId?: string; from?: string; to?: string; limit: number; cursor?: string },
  ): Promise<BreachPageDto> {
    const scopePath =
      query.orgUnitId === undefined
        ? actor.principal.unitPath
        : (await this.units.requireInScope(query.orgUnitId, actor.principal)).path;
    let before: { breachedAt: Date; id: string } | undefined;
    if (query.cursor !== undefined) {
      const [at = '', id = ''] = decodeCursor(query.cursor, [isIsoInstant, isUuid]);
      before = { breachedAt: new Date(at), id };
    }
    const rows = await this.caseTimers.breachesInScope(
      scopePath,
      {
        timer: query.timer,
        from: query.from === undefined ? undefined : new Date(query.from),
        to: query.to === undefined ? undefined : new Date(query.to),
      },
      query.limit + 1,
      before,
    );
    return keysetPage(
      rows,
      query.limit,
      (r) => ({
        timerId: r.id,
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        orgUnitId: r.orgUnitId,
        timer: r.timer,
        dueAt: r.dueAt.toISOString(),
        breachedAt: (r.breachedAt ?? r.dueAt).toISOString(),
      }),
      (r) => [(r.breachedAt ?? r.dueAt).toISOString(), r.id],
    );
  }

  async sessions(actor: Actor, id: string): Promise<MediationSessionDto[]> {
    const entity = await this.writer.requireInScope(actor, id);
    return (await this.records.sessionsOf(entity.id)).map((s) => ({
      id: s.id,
      sessionDate: s.sessionDate,
      place: s.place,
      mediatorId: s.mediatorId,
      partiesPresent: s.partiesPresent,
      result: s.result,
      note: s.note,
    }));
  }

  async legalStages(actor: Actor, id: string): Promise<LegalStageDto[]> {
    const entity = await this.writer.requireInScope(actor, id);
    return (await this.records.stagesOf(entity.id)).map((s) => ({
      stage: s.stage,
      forum: s.forum,
      externalCaseNumber: s.externalCaseNumber,
      filedOn: s.filedOn,
      hearingOn: s.hearingOn,
      decidedOn: s.decidedOn,
      awarded: s.awardedFen === null ? null : fenToYuan(s.awardedFen),
      createdAt: s.createdAt.toISOString(),
    }));
  }
}
