import {
  CallbackResult,
  CaseCategory,
  CaseKind,
  CaseOutcome,
  CasePriority,
  CaseStatus,
  Channel,
  LegalStage,
} from 'src/cases/case.enums';
import { EmployerEntity } from 'src/employers/employer.entity';
import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import { PartyEntity } from 'src/parties/party.entity';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/**
 * The current state of a case; its history is in case_event. `version` is bumped by every conditional UPDATE
 * (see CaseRepository.updateIfVersion) — TypeORM's save() would not check it.
 */
@Entity('case')
@Index('idx_case_owner_path_received', { synchronize: false })
@Index('idx_case_narrative_trgm', { synchronize: false })
// Report indexes (migration ReportAggregates): open cases for the backlog, received and closed times for periods.
@Index('idx_case_open', { synchronize: false })
@Index('idx_case_received', { synchronize: false })
@Index('idx_case_closed', { synchronize: false })
// Console lists (migration ConsoleQueryIndexes): a unit's dispatch desk, closed cases still owed a callback.
@Index('idx_case_dispatch_desk', { synchronize: false })
@Index('idx_case_awaiting_callback', { synchronize: false })
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 20 })
  number!: string;

  @Column({ type: 'enum', enum: CaseKind, enumName: 'case_kind' })
  kind!: CaseKind;

  @Column({ type: 'enum', enum: CaseCategory, enumName: 'case_category' })
  category!: CaseCategory;

  @Column({ type: 'enum', enum: CasePriority, enumName: 'case_priority' })
  priority!: CasePriority;

  @Column({ type: 'enum', enum: CaseStatus, enumName: 'case_status' })
  status!: CaseStatus;

  @Column({ type: 'enum', enum: CaseOutcome, enumName: 'case_outcome', nullable: true })
  outcome!: CaseOutcome | null;

  @Column({ type: 'enum', enum: Channel, enumName: 'channel' })
  channel!: Channel;

  /** Owning unit; `ownerPath` copies its materialized path so scope filters need no join. */
  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_case_org_unit' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'text' })
  ownerPath!: string;

  /** The handler: set on acceptance, changed by reassignment. */
  @Index()
  @Column({ type: 'uuid', nullable: true })
  assigneeId!: string | null;

  /** The unit that dispatched the case, which a return sends it back to. */
  @Column({ type: 'uuid', nullable: true })
  dispatchedFromUnitId!: string | null;

  /** First recorded contact with the worker (the first_contact SLA stops here). */
  @Column({ type: 'timestamptz', nullable: true })
  firstWorkerContactAt!: Date | null;

  @Column({ type: 'enum', enum: CaseOutcome, enumName: 'case_outcome', nullable: true })
  proposedOutcome!: CaseOutcome | null;

  @Column({ type: 'enum', enum: CallbackResult, enumName: 'callback_result', nullable: true })
  lastCallbackResult!: CallbackResult | null;

  @Column({ type: 'int', default: 0 })
  reopenCount!: number;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  workerPartyId!: string | null;

  @ManyToOne(() => PartyEntity)
  @JoinColumn({ name: 'worker_party_id', foreignKeyConstraintName: 'fk_case_worker_party' })
  workerParty?: PartyEntity;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  employerId!: string | null;

  @ManyToOne(() => EmployerEntity)
  @JoinColumn({ name: 'employer_id', foreignKeyConstraintName: 'fk_case_employer' })
  employer?: EmployerEntity;

  @Column({ type: 'int', default: 1 })
  workersAffected!: number;

  @Column({ type: 'boolean', default: false })
  collective!: boolean;

  @Column({ type: 'text', default: '' })
  narrative!: string;

  /** When the worker learned of the infringement: starts the 1-year arbitration limitation clock. */
  @Column({ type: 'date', nullable: true })
  disputeArisenOn!: string | null;

  /** Sum of the claim lines, maintained with them. */
  @Column({ type: 'bigint', default: 0 })
  claimedFen!: string;

  /** Amount of the mediation agreement, when there is one. */
  @Column({ type: 'bigint', default: 0 })
  agreedFen!: string;

  /** Latest award (arbitration award or judgment). */
  @Column({ type: 'bigint', default: 0 })
  awardedFen!: string;

  /** Sum of the payment ledger, maintained in the same transaction as each entry. */
  @Column({ type: 'bigint', default: 0 })
  recoveredFen!: string;

  /** Legal-aid eligibility decision (null until decided). */
  @Column({ type: 'boolean', nullable: true })
  legalAidEligible!: boolean | null;

  @Column({ type: 'enum', enum: LegalStage, enumName: 'legal_stage', nullable: true })
  legalStage!: LegalStage | null;

  @Column({ type: 'timestamptz' })
  receivedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @Column({ type: 'int', default: 1 })
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
