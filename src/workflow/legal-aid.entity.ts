import { CaseEntity } from 'src/cases/case.entity';
import { LegalStage } from 'src/cases/case.enums';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** One step of a legal-aid matter as recorded: the case's current stage is the latest row. */
@Entity('legal_aid_stage')
export class LegalAidStageEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_legal_aid_stage_case' })
  case?: CaseEntity;

  @Column({ type: 'enum', enum: LegalStage, enumName: 'legal_stage' })
  stage!: LegalStage;

  /** Arbitration commission or court. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  forum!: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  externalCaseNumber!: string | null;

  @Column({ type: 'date', nullable: true })
  filedOn!: string | null;

  @Column({ type: 'date', nullable: true })
  hearingOn!: string | null;

  @Column({ type: 'date', nullable: true })
  decidedOn!: string | null;

  @Column({ type: 'bigint', nullable: true })
  awardedFen!: string | null;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
