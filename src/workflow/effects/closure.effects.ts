import { Clock } from 'src/common/util/clock';
import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { CallbackResult, CaseOutcome } from 'src/cases/case.enums';
import { CaseRepository } from 'src/cases/case.repository';
import { CaseWriter } from 'src/cases/case-writer';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { CommandEffects, Effect, refuse } from 'src/workflow/effects/effect';
import { agreementPaymentStatus } from 'src/workflow/effects/instalments';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';
import { CaseCommand } from 'src/workflow/workflow.definition';
import { CloseDto, DuplicateDto, ProposeClosureDto, ReasonDto, RecordCallbackDto } from 'src/workflow/workflow.dto';

export const REOPEN_WINDOW_MS = 30 * 24 * 3600 * 1000;

/** Closing a case, following it up, and reopening it. */
@Injectable()
export class ClosureEffects implements CommandEffects {
  readonly commands = [
    CaseCommand.AnswerAtIntake,
    CaseCommand.ProposeClosure,
    CaseCommand.Close,
    CaseCommand.Withdraw,
    CaseCommand.NotAccepted,
    CaseCommand.Duplicate,
    CaseCommand.RecordCallback,
    CaseCommand.Reopen,
  ] as const;

  constructor(
    private readonly clock: Clock,
    private readonly writer: CaseWriter,
    private readonly cases: CaseRepository,
    private readonly records: WorkflowRecordsRepository,
  ) {}

  async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect> {
    const now = this.clock.now();
    const closing = (outcome: CaseOutcome, event: CaseEventType, data: Record<string, unknown>): Effect => ({
      changes: { outcome, closedAt: now, proposedOutcome: null },
      event,
      data: { outcome, ...data },
    });
    switch (command) {
      case CaseCommand.AnswerAtIntake:
        return closing(CaseOutcome.Answered, CaseEventType.AnsweredAtIntake, {});
      case CaseCommand.ProposeClosure: {
        const d = dto as ProposeClosureDto;
        return {
          changes: { proposedOutcome: d.outcome },
          event: CaseEventType.ClosureProposed,
          data: { outcome: d.outcome, note: d.note ?? null },
        };
      }
      case CaseCommand.Close:
        return closing((dto as CloseDto).outcome, CaseEventType.Closed, this.checklist(entity, dto as CloseDto));
      case CaseCommand.Withdraw:
        return closing(CaseOutcome.Withdrawn, CaseEventType.Withdrawn, { reason: (dto as ReasonDto).reason });
      case CaseCommand.NotAccepted:
        return closing(CaseOutcome.NotAccepted, CaseEventType.NotAccepted, { reason: (dto as ReasonDto).reason });
      case CaseCommand.Duplicate: {
        const d = dto as DuplicateDto;
        if (d.originalCaseId === entity.id) refuse('A case cannot duplicate itself', entity);
        const original = await this.writer.requireInScope(actor, d.originalCaseId);
        await this.cases.link(entity.id, original.id, actor.principal.userId);
        return closing(CaseOutcome.Duplicate, CaseEventType.ClosedAsDuplicate, {
          originalCaseId: original.id,
          number: original.number,
          reason: d.reason,
        });
      }
      case CaseCommand.RecordCallback: {
        const d = dto as RecordCallbackDto;
        if (entity.assigneeId === actor.principal.userId) {
          refuse('The callback must be made by someone other than the handler', entity);
        }
        const attempts = d.attempts ?? 1;
        await this.records.addCallback({
          caseId: entity.id,
          result: d.result,
          attempts,
          note: d.note ?? '',
          recordedBy: actor.principal.userId,
        });
        return {
          changes: { lastCallbackResult: d.result },
          event: CaseEventType.CallbackRecorded,
          data: { result: d.result, attempts },
        };
      }
      case CaseCommand.Reopen: {
        if (entity.lastCallbackResult !== CallbackResult.Dissatisfied) {
          refuse('Only a case whose callback found the worker dissatisfied may be reopened', entity, {
            lastCallbackResult: entity.lastCallbackResult,
          });
        }
        if (entity.closedAt === null || now.getTime() - entity.closedAt.getTime() > REOPEN_WINDOW_MS) {
          refuse('A case may be reopened only within 30 days of closure', entity, { closedAt: entity.closedAt });
        }
        return {
          changes: { outcome: null, closedAt: null, lastCallbackResult: null },
          deltas: { reopenCount: 1 },
          event: CaseEventType.Reopened,
          data: { reason: (dto as ReasonDto).reason, previousOutcome: entity.outcome },
        };
      }
      default:
        throw new Error(`ClosureEffects cannot handle ${command}`);
    }
  }

  /** The closing checklist: amounts reviewed, and for an agreement a payment status that matches the ledger. */
  private checklist(entity: CaseEntity, dto: CloseDto): Record<string, unknown> {
    if (!dto.amountsConfirmed) {
      throw new ValidationFailedError([{ field: 'amountsConfirmed', reasons: ['review the amounts before closing'] }]);
    }
    const data: Record<string, unknown> = {
      proposed: entity.proposedOutcome,
      note: dto.note ?? null,
      claimedFen: entity.claimedFen,
      agreedFen: entity.agreedFen,
      awardedFen: entity.awardedFen,
      recoveredFen: entity.recoveredFen,
    };
    if (dto.outcome === CaseOutcome.MediationAgreement) {
      if (BigInt(entity.agreedFen) <= 0n) refuse('No mediation agreement is recorded on this case', entity);
      const actual = agreementPaymentStatus(BigInt(entity.agreedFen), BigInt(entity.recoveredFen));
      if (dto.paymentStatus !== actual) {
        refuse(`The ledger says the agreement is ${actual}`, entity, { paymentStatus: actual });
      }
      data.paymentStatus = actual;
    }
    return data;
  }
}
