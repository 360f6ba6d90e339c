import { CaseEntity } from 'src/cases/case.entity';
import { CallbackResult } from 'src/cases/case.enums';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/** A follow-up call after closure (回访). The satisfaction figures are computed from these rows. */
@Entity('case_callback')
export class CaseCallbackEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_callback_case' })
  case?: CaseEntity;

  @Column({ type: 'enum', enum: CallbackResult, enumName: 'callback_result' })
  result!: CallbackResult;

  /** Calls made; above 1 only for `unreachable`. */
  @Column({ type: 'smallint', default: 1 })
  attempts!: number;

  @Column({ type: 'varchar', length: 1000, default: '' })
  note!: string;

  @Column({ type: 'uuid' })
  recordedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  recordedAt!: Date;
}
