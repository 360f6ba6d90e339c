import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { fenToYuan, yuanToFen } from 'src/common/money/money';
import { CommandEffects, Effect } from 'src/workflow/effects/effect';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';
import { CaseCommand } from 'src/workflow/workflow.definition';
import { ReasonDto, RecordAgreementDto, RecordSessionDto } from 'src/workflow/workflow.dto';

/** Union mediation: sessions, and its end with or without an agreement. */
@Injectable()
export class MediationEffects implements CommandEffects {
  readonly commands = [
    CaseCommand.StartMediation,
    CaseCommand.RecordSession,
    CaseCommand.RecordAgreement,
    CaseCommand.RecordNoAgreement,
  ] as const;

  constructor(private readonly records: WorkflowRecordsRepository) {}

  async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect> {
    switch (command) {
      case CaseCommand.StartMediation:
        return { changes: {}, event: CaseEventType.MediationStarted, data: { mediatorId: actor.principal.userId } };
      case CaseCommand.RecordSession: {
        const d = dto as RecordSessionDto;
        const sessionId = await this.records.addSession({
          caseId: entity.id,
          sessionDate: d.sessionDate,
          place: d.place,
          mediatorId: d.mediatorId ?? actor.principal.userId,
          partiesPresent: d.partiesPresent,
          result: d.result,
          note: d.note ?? '',
        });
        return {
          changes: {},
          event: CaseEventType.SessionRecorded,
          data: {
            sessionId,
            sessionDate: d.sessionDate,
            place: d.place,
            result: d.result,
            partiesPresent: d.partiesPresent,
          },
        };
      }
      case CaseCommand.RecordAgreement: {
        const d = dto as RecordAgreementDto;
        const agreed = yuanToFen(d.amount);
        const instalments = (d.instalments ?? []).map((i) => ({
          dueOn: i.dueOn,
          amountFen: yuanToFen(i.amount).toString(),
        }));
        const scheduled = instalments.reduce((sum, i) => sum + BigInt(i.amountFen), 0n);
        if (instalments.length > 0 && scheduled !== agreed) {
          throw new ValidationFailedError([
            {
              field: 'instalments',
              reasons: [`instalments add up to ${fenToYuan(scheduled)}, not the agreed ${d.amount}`],
            },
          ]);
        }
        await this.records.replaceInstalments(entity.id, instalments);
        return {
          changes: { agreedFen: agreed.toString() },
          event: CaseEventType.AgreementRecorded,
          data: { agreedFen: agreed.toString(), instalments: instalments.length },
        };
      }
      case CaseCommand.RecordNoAgreement:
        return { changes: {}, event: CaseEventType.NoAgreement, data: { reason: (dto as ReasonDto).reason } };
      default:
        throw new Error(`MediationEffects cannot handle ${command}`);
    }
  }
}
