import { Clock } from 'src/common/util/clock';
import { shanghaiDay } from 'src/common/util/shanghai-time';
import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { fenToYuan, yuanToFen } from 'src/common/money/money';
import { CommandEffects, Effect, refuse } from 'src/workflow/effects/effect';
import { Payer } from 'src/workflow/payment.entity';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';
import { CaseCommand } from 'src/workflow/workflow.definition';
import { CorrectPaymentDto, RecordPaymentDto } from 'src/workflow/workflow.dto';

/** The recovery ledger: entries are only ever added; `recovered_fen` moves with each in the same UPDATE. */
@Injectable()
export class PaymentEffects implements CommandEffects {
  readonly commands = [CaseCommand.RecordPayment, CaseCommand.CorrectPayment] as const;

  constructor(
    private readonly clock: Clock,
    private readonly records: WorkflowRecordsRepository,
  ) {}

  async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect> {
    switch (command) {
      case CaseCommand.RecordPayment: {
        const d = dto as RecordPaymentDto;
        const amount = yuanToFen(d.amount);
        if (amount <= 0n) refuse('A payment must be more than zero', entity);
        if (
          d.evidenceAttachmentId !== undefined &&
          !(await this.records.attachmentBelongsTo(d.evidenceAttachmentId, entity.id))
        ) {
          throw new DomainError(ErrorCode.NotFound, 'Evidence attachment not found on this case');
        }
        const paymentId = await this.records.addPayment({
          caseId: entity.id,
          amountFen: amount.toString(),
          paidOn: d.paidOn,
          payer: d.payer,
          evidenceAttachmentId: d.evidenceAttachmentId ?? null,
          correctsId: null,
          reason: '',
          recordedBy: actor.principal.userId,
        });
        return {
          changes: {},
          deltas: { recoveredFen: amount },
          event: CaseEventType.PaymentRecorded,
          data: { paymentId, amountFen: amount.toString(), paidOn: d.paidOn, payer: d.payer },
        };
      }
      case CaseCommand.CorrectPayment: {
        const d = dto as CorrectPaymentDto;
        const original = await this.records.correctablePayment(entity.id, d.correctsPaymentId);
        if (!original)
          throw new DomainError(
            ErrorCode.NotFound,
            'Payment entry not found on this case (corrections cannot be corrected)',
          );
        const amount = yuanToFen(d.amount);
        const left = original.amountFen + original.correctedFen;
        if (amount <= 0n || amount > left) {
          refuse(`A correction may take off between 0.01 and ${fenToYuan(left)} from that entry`, entity);
        }
        const paymentId = await this.records.addPayment({
          caseId: entity.id,
          amountFen: (-amount).toString(),
          // Dated the Shanghai day it is recorded (a UTC date is yesterday there before 08:00).
          paidOn: shanghaiDay(this.clock.now()),
          payer: Payer.Other,
          evidenceAttachmentId: null,
          correctsId: d.correctsPaymentId,
          reason: d.reason,
          recordedBy: actor.principal.userId,
        });
        return {
          changes: {},
          deltas: { recoveredFen: -amount },
          event: CaseEventType.PaymentCorrected,
          data: {
            paymentId,
            correctsPaymentId: d.correctsPaymentId,
            amountFen: (-amount).toString(),
            reason: d.reason,
          },
        };
      }
      default:
        throw new Error(`PaymentEffects cannot handle ${command}`);
    }
  }
}
