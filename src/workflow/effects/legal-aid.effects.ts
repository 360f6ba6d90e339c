import { Injectable } from '@nestjs/common';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { CaseKind, LegalStage, STAGE_ORDER } from 'src/cases/case.enums';
import { ValidationFailedError } from 'src/common/errors/domain.error';
import { yuanToFen } from 'src/common/money/money';
import { CommandEffects, Effect, refuse } from 'src/workflow/effects/effect';
import { WorkflowRecordsRepository } from 'src/workflow/workflow-records.repository';
import { CaseCommand } from 'src/workflow/workflow.definition';
import { DecideEligibilityDto, ReasonDto, RecordStageDto } from 'src/workflow/workflow.dto';

/**
 * The standard eligibility decision: a labour dispute with money claimed. Anything else the legal-aid officer
 * decides by override, with its own reason (recorded).
 */
export function standardEligibility(entity: CaseEntity): boolean {
  return entity.kind === CaseKind.LabourDispute && BigInt(entity.claimedFen) > 0n;
}

/** Legal aid: referral, eligibility, and the stages arbitration → litigation → enforcement. */
@Injectable()
export class LegalAidEffects implements CommandEffects {
  readonly commands = [CaseCommand.ReferLegalAid, CaseCommand.DecideEligibility, CaseCommand.RecordStage] as const;

  constructor(private readonly records: WorkflowRecordsRepository) {}

  async effect(actor: Actor, entity: CaseEntity, command: CaseCommand, dto: object): Promise<Effect> {
    switch (command) {
      case CaseCommand.ReferLegalAid:
        return {
          changes: { legalStage: LegalStage.Assessment, legalAidEligible: null },
          event: CaseEventType.ReferredToLegalAid,
          data: { reason: (dto as ReasonDto).reason },
        };
      case CaseCommand.DecideEligibility: {
        const d = dto as DecideEligibilityDto;
        const standard = standardEligibility(entity);
        if (d.eligible !== standard && d.overrideReason === undefined) {
          throw new ValidationFailedError([
            {
              field: 'overrideReason',
              reasons: [
                `the standard decision is ${standard ? 'eligible' : 'not eligible'}; give a reason to depart from it`,
              ],
            },
          ]);
        }
        return {
          changes: { legalAidEligible: d.eligible },
          event: CaseEventType.EligibilityDecided,
          data: { eligible: d.eligible, standard, reason: d.reason, overrideReason: d.overrideReason ?? null },
        };
      }
      case CaseCommand.RecordStage: {
        const d = dto as RecordStageDto;
        if (entity.legalAidEligible !== true && d.stage !== LegalStage.Assessment) {
          refuse('Record an eligible decision before arbitration, litigation or enforcement', entity);
        }
        const current = STAGE_ORDER.indexOf(entity.legalStage ?? LegalStage.Assessment);
        if (STAGE_ORDER.indexOf(d.stage) < current) {
          refuse(`The matter is already at ${entity.legalStage ?? 'assessment'}; stages only move forward`, entity);
        }
        const awardedFen = d.awarded === undefined ? null : yuanToFen(d.awarded).toString();
        await this.records.addStage({
          caseId: entity.id,
          stage: d.stage,
          forum: d.forum ?? null,
          externalCaseNumber: d.externalCaseNumber ?? null,
          filedOn: d.filedOn ?? null,
          hearingOn: d.hearingOn ?? null,
          decidedOn: d.decidedOn ?? null,
          awardedFen,
          recordedBy: actor.principal.userId,
        });
        return {
          changes: { legalStage: d.stage, ...(awardedFen === null ? {} : { awardedFen }) },
          event: CaseEventType.StageRecorded,
          data: {
            stage: d.stage,
            forum: d.forum ?? null,
            filedOn: d.filedOn ?? null,
            decidedOn: d.decidedOn ?? null,
            awardedFen,
          },
        };
      }
      default:
        throw new Error(`LegalAidEffects cannot handle ${command}`);
    }
  }
}
