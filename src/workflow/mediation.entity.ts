import { CaseEntity } from 'src/cases/case.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum SessionResult {
  Agreement = 'agreement',
  PartialAgreement = 'partial_agreement',
  NoAgreement = 'no_agreement',
  EmployerAbsent = 'employer_absent',
}

@Entity('mediation_session')
export class MediationSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_mediation_session_case' })
  case?: CaseEntity;

  @Column({ type: 'date' })
  sessionDate!: string;

  @Column({ type: 'varchar', length: 200 })
  place!: string;

  @Column({ type: 'uuid' })
  mediatorId!: string;

  /** Who attended, e.g. 劳动者本人, 用人单位人事经理. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  partiesPresent!: string[];

  @Column({ type: 'enum', enum: SessionResult, enumName: 'mediation_session_result' })
  result!: SessionResult;

  @Column({ type: 'varchar', length: 2000, default: '' })
  note!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}

/** One instalment of an agreed payment schedule. Paid / due / overdue is derived from the ledger. */
@Entity('case_instalment')
export class InstalmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_instalment_case' })
  case?: CaseEntity;

  @Column({ type: 'smallint' })
  seq!: number;

  @Column({ type: 'date' })
  dueOn!: string;

  @Column({ type: 'bigint' })
  amountFen!: string;
}
