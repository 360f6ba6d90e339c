import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import {
  CallLookupDto,
  CallLookupResponseDto,
  CallPageDto,
  CallResponseDto,
  LogCallDto,
  toCallSummary,
} from 'src/calls/call.dto';
import { CallDisposition } from 'src/calls/call.entity';
import { CallRepository } from 'src/calls/call.repository';
import { CaseWriter } from 'src/cases/case-writer';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseQueryService } from 'src/cases/case-query.service';
import { CaseService } from 'src/cases/case.service';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { DbContext } from 'src/database/db-context';
import { PartyRefService } from 'src/parties/party-ref.service';
import { PartyService } from 'src/parties/party.service';

@Injectable()
export class CallService {
  constructor(
    private readonly db: DbContext,
    private readonly calls: CallRepository,
    private readonly cases: CaseService,
    private readonly writer: CaseWriter,
    private readonly caseQueries: CaseQueryService,
    private readonly events: CaseEventRepository,
    private readonly partyRefs: PartyRefService,
    private readonly parties: PartyService,
    private readonly audit: AuditService,
  ) {}

  /** Logs a call and does what its disposition says, all in one transaction. */
  log(actor: Actor, dto: LogCallDto): Promise<CallResponseDto> {
    return this.db.transaction(() => this.logOnce(actor, dto));
  }

  private async logOnce(actor: Actor, dto: LogCallDto): Promise<CallResponseDto> {
    if (dto.endedAt !== undefined && new Date(dto.endedAt) < new Date(dto.startedAt)) {
      throw new ValidationFailedError([{ field: 'endedAt', reasons: ['endedAt must not be before startedAt'] }]);
    }
    // Made here, not by the database: the received event of a case opened by this call names it.
    const callId = randomUUID();
    const callerPartyId = dto.caller ? await this.partyRefs.resolve(actor, dto.caller, actor.principal.unitId) : null;
    let caseId: string | null = null;
    let caseNumber: string | null = null;
    const eventFor = async (type: CaseEventType, id: string) => {
      const target = await this.writer.requireInScope(actor, id);
      await this.events.append(target.id, type, actor.principal.userId, target.version, { summary: dto.summary });
      caseId = target.id;
      caseNumber = target.number;
    };
    switch (dto.disposition) {
      case CallDisposition.CaseCreated:
      case CallDisposition.ConsultationAnswered: {
        const details = dto.case;
        if (!details)
          throw new ValidationFailedError([{ field: 'case', reasons: ['case is required for this disposition'] }]);
        const created = await this.cases.create(actor, details, {
          channel: dto.channel,
          workerPartyId: callerPartyId ?? undefined,
          answeredAtIntake: dto.disposition === CallDisposition.ConsultationAnswered,
          callId,
          fieldPrefix: 'case.',
        });
        caseId = created.id;
        caseNumber = created.number;
        break;
      }
      case CallDisposition.AttachedToCase:
        await eventFor(CaseEventType.CallAttached, dto.caseId ?? '');
        break;
      case CallDisposition.CallbackRequested:
        if (dto.caseId !== undefined) await eventFor(CaseEventType.CallbackRequested, dto.caseId);
        break;
      case CallDisposition.Abandoned:
        break;
    }
    await this.calls.insert({
      id: callId,
      channel: dto.channel,
      operatorId: actor.principal.userId,
      orgUnitId: actor.principal.unitId,
      startedAt: new Date(dto.startedAt),
      endedAt: dto.endedAt === undefined ? null : new Date(dto.endedAt),
      callerPartyId,
      summary: dto.summary,
      disposition: dto.disposition,
      caseId,
    });
    await this.audit.record(actor, {
      action: AuditAction.CallLog,
      targetType: 'call',
      targetId: callId,
      scopePath: actor.principal.unitPath,
      detail: { disposition: dto.disposition, caseId },
    });
    return {
      id: callId,
      disposition: dto.disposition,
      callerPartyId,
      caseId,
      caseNumber,
      startedAt: new Date(dto.startedAt).toISOString(),
    };
  }

  /** Repeat-caller recognition: the caller's party records and open cases in scope, masked. */
  async lookup(actor: Actor, dto: CallLookupDto): Promise<CallLookupResponseDto> {
    const parties = await this.parties.lookup(actor, { phone: dto.phone });
    const openCases = await this.caseQueries.openCasesOf(
      actor,
      parties.map((party) => party.id),
    );
    return { parties, openCases };
  }

  /** The caller's own call log, newest first. */
  async mine(actor: Actor, limit: number): Promise<CallPageDto> {
    return {
      items: (await this.calls.loggedBy(actor.principal.userId, actor.principal.unitPath, limit)).map(toCallSummary),
    };
  }
}
