import { Clock } from 'src/common/util/clock';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { CaseEventType } from 'src/cases/case-event.entity';
import { CaseEventRepository } from 'src/cases/case-event.repository';
import { CaseHookRegistry } from 'src/cases/case-hooks';
import { caseStateOf } from 'src/cases/case-state';
import { CaseDetailsDto, ClaimInputDto } from 'src/cases/case.dto';
import { PartyRefDto } from 'src/parties/party.dto';
import { CaseEntity } from 'src/cases/case.entity';
import {
  COLLECTIVE_THRESHOLD,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
  effectivePriority,
} from 'src/cases/case.enums';
import { CaseRepository, NewClaim } from 'src/cases/case.repository';
import { CaseResponseDto, toCaseResponse } from 'src/cases/case-response.dto';
import { yuanToFen } from 'src/common/money/money';
import { shanghaiYear } from 'src/common/util/shanghai-time';
import { EmployerService } from 'src/employers/employer.service';
import { OrgUnitService } from 'src/org-units/org-unit.service';
import { PartyRefService } from 'src/parties/party-ref.service';

export interface IntakeOrigin {
  channel: Channel;
  callId?: string;
  /** Where the case's details sit in the request (`case.` in a call), for the field of a 400. */
  fieldPrefix?: string;
  /** A party already resolved by the caller (the caller of a call). */
  workerPartyId?: string;
  worker?: PartyRefDto;
  /** Consultations answered on the spot are created closed with outcome `answered`. */
  answeredAtIntake?: boolean;
}

export function toClaimRows(claims: ClaimInputDto[] | undefined): NewClaim[] {
  return (claims ?? []).map((claim) => ({
    type: claim.type,
    amountFen: yuanToFen(claim.amount).toString(),
    note: claim.note ?? '',
  }));
}

export function sumFen(claims: NewClaim[]): string {
  return claims.reduce((total, claim) => total + BigInt(claim.amountFen), 0n).toString();
}

/** Intake: creating cases. Later commands on a case live in CaseCommandService. */
@Injectable()
export class CaseService {
  constructor(
    private readonly clock: Clock,
    private readonly cases: CaseRepository,
    private readonly events: CaseEventRepository,
    private readonly units: OrgUnitService,
    private readonly employers: EmployerService,
    private readonly partyRefs: PartyRefService,
    private readonly audit: AuditService,
    private readonly hooks: CaseHookRegistry,
  ) {}

  /** Must run inside the caller’s transaction (CaseIntakeService or CallService opens it). */
  async create(actor: Actor, details: CaseDetailsDto, origin: IntakeOrigin): Promise<CaseResponseDto> {
    const unit = await this.units.ownerUnit(actor.principal, details.orgUnitId);
    const workerPartyId =
      origin.workerPartyId ?? (origin.worker ? await this.partyRefs.resolve(actor, origin.worker, unit.id) : null);
    const employer = details.employer
      ? await this.employers.resolve(details.employer, `${origin.fieldPrefix ?? ''}employer`)
      : null;
    const claims = toClaimRows(details.claims);
    const workersAffected = details.workersAffected ?? 1;
    const receivedAt = this.clock.now();
    const answered = origin.answeredAtIntake === true;
    const created = await this.cases.insert(
      {
        kind: answered ? CaseKind.Consultation : details.kind,
        category: details.category,
        priority: effectivePriority(details.priority ?? CasePriority.Normal, workersAffected),
        status: answered ? CaseStatus.Closed : CaseStatus.Received,
        outcome: answered ? CaseOutcome.Answered : null,
        channel: origin.channel,
        orgUnitId: unit.id,
        ownerPath: unit.path,
        assigneeId: null,
        dispatchedFromUnitId: null,
        firstWorkerContactAt: null,
        proposedOutcome: null,
        lastCallbackResult: null,
        reopenCount: 0,
        agreedFen: '0',
        awardedFen: '0',
        recoveredFen: '0',
        legalAidEligible: null,
        legalStage: null,
        workerPartyId,
        employerId: employer?.id ?? null,
        workersAffected,
        collective: workersAffected >= COLLECTIVE_THRESHOLD,
        narrative: details.narrative,
        disputeArisenOn: details.disputeArisenOn ?? null,
        claimedFen: sumFen(claims),
        receivedAt,
        closedAt: answered ? receivedAt : null,
        createdBy: actor.principal.userId,
      },
      shanghaiYear(receivedAt),
    );
    await this.cases.insertClaims(created.id, claims);
    const actorId = actor.principal.userId;
    const receivedData = {
      number: created.number,
      channel: created.channel,
      kind: created.kind,
      category: created.category,
      priority: created.priority,
      collective: created.collective,
      callId: origin.callId ?? null,
    };
    await this.events.append(created.id, CaseEventType.Received, actorId, created.version, receivedData);
    if (answered) {
      await this.events.append(created.id, CaseEventType.ConsultationAnswered, actorId, created.version, {
        outcome: CaseOutcome.Answered,
      });
    }
    await this.hooks.afterWrite({
      event: CaseEventType.Received,
      data: receivedData,
      before: null,
      after: caseStateOf(created),
      at: receivedAt,
    });
    await this.audit.record(actor, {
      action: AuditAction.CaseCreate,
      targetType: 'case',
      targetId: created.id,
      scopePath: unit.path,
      detail: { number: created.number },
    });
    // Built from what was just written: no read-back round trips on the intake hot path.
    return toCaseResponse(created, claims, employer);
  }

  /** The full response for a case already loaded in scope. */
  async respond(entity: CaseEntity): Promise<CaseResponseDto> {
    const employer = entity.employerId === null ? null : await this.employers.find(entity.employerId);
    return toCaseResponse(entity, await this.cases.claimsOf(entity.id), employer);
  }
}
