import { CaseEntity } from 'src/cases/case.entity';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum CaseEventType {
  Received = 'received',
  Classified = 'classified',
  Updated = 'updated',
  ClaimsReplaced = 'claims_replaced',
  NoteAdded = 'note_added',
  Linked = 'linked',
  CallAttached = 'call_attached',
  CallbackRequested = 'callback_requested',
  ConsultationAnswered = 'consultation_answered',
  AttachmentAdded = 'attachment_added',
  Dispatched = 'dispatched',
  Transferred = 'transferred',
  Returned = 'returned',
  Accepted = 'accepted',
  Urged = 'urged',
  Reassigned = 'reassigned',
  ContactRecorded = 'contact_recorded',
  AnsweredAtIntake = 'answered_at_intake',
  ClosureProposed = 'closure_proposed',
  Closed = 'closed',
  Withdrawn = 'withdrawn',
  NotAccepted = 'not_accepted',
  ClosedAsDuplicate = 'closed_as_duplicate',
  CallbackRecorded = 'callback_recorded',
  Reopened = 'reopened',
  MediationStarted = 'mediation_started',
  SessionRecorded = 'session_recorded',
  AgreementRecorded = 'agreement_recorded',
  NoAgreement = 'no_agreement',
  ReferredToLegalAid = 'referred_to_legal_aid',
  EligibilityDecided = 'eligibility_decided',
  StageRecorded = 'stage_recorded',
  PaymentRecorded = 'payment_recorded',
  PaymentCorrected = 'payment_corrected',
  SlaWarning = 'sla_warning',
  SlaBreached = 'sla_breached',
  TimerPaused = 'timer_paused',
  TimerResumed = 'timer_resumed',
  ExtensionRequested = 'extension_requested',
  ExtensionApproved = 'extension_approved',
  ExtensionRejected = 'extension_rejected',
}

/** Append-only timeline: a trigger rejects UPDATE and DELETE. Written in the transaction of the change. */
@Entity('case_event')
@Index('idx_case_event_case', ['caseId', 'id'])
export class CaseEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_event_case' })
  case?: CaseEntity;

  @Column({ type: 'varchar', length: 40 })
  type!: CaseEventType;

  @Column({ type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  occurredAt!: Date;

  /** Case version after the change. */
  @Column({ type: 'int' })
  version!: number;

  /** What changed; ids and codes, never a party's phone or ID number. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  data!: Record<string, unknown>;
}
