import { CaseEntity } from 'src/cases/case.entity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum Payer {
  Employer = 'employer',
  Guarantor = 'guarantor',
  WageGuaranteeFund = 'wage_guarantee_fund',
  CourtEnforcement = 'court_enforcement',
  Other = 'other',
}

/**
 * The recovery ledger. Money recovered is always the sum of these rows; mistakes are fixed by a negative entry
 * that references the entry it corrects. A trigger rejects UPDATE and DELETE.
 */
@Entity('payment')
@Check(
  'chk_payment_correction',
  `("corrects_id" IS NULL AND "amount_fen" > 0) OR ("corrects_id" IS NOT NULL AND "amount_fen" < 0)`,
)
export class PaymentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_payment_case' })
  case?: CaseEntity;

  @Column({ type: 'bigint' })
  amountFen!: string;

  @Index()
  @Column({ type: 'date' })
  paidOn!: string;

  @Column({ type: 'enum', enum: Payer, enumName: 'payer' })
  payer!: Payer;

  @Column({ type: 'uuid', nullable: true })
  evidenceAttachmentId!: string | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  correctsId!: string | null;

  @ManyToOne(() => PaymentEntity)
  @JoinColumn({ name: 'corrects_id', foreignKeyConstraintName: 'fk_payment_corrects' })
  corrects?: PaymentEntity;

  @Column({ type: 'varchar', length: 1000, default: '' })
  reason!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
