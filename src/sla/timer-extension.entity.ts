import { CaseEntity } from 'src/cases/case.entity';
import { CaseTimerEntity } from 'src/sla/case-timer.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum ExtensionState {
  Pending = 'pending',
  Approved = 'approved',
  Rejected = 'rejected',
}

export const EXTENSION_UNITS = ['hours', 'days'] as const;
export type ExtensionUnit = (typeof EXTENSION_UNITS)[number];

/**
 * A request to extend one clock's deadline, and the dispatcher's decision. Decided once; a partial unique index
 * allows one pending request per clock at a time.
 */
@Entity('timer_extension_request')
@Index('idx_timer_extension_request_case', ['caseId', 'requestedAt'])
@Index('uq_timer_extension_request_pending', { synchronize: false })
// The dispatcher's list, oldest first, of one state or all (migration ConsoleQueryIndexes).
@Index('idx_timer_extension_request_state', { synchronize: false })
@Index('idx_timer_extension_request_requested', { synchronize: false })
export class TimerExtensionRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_timer_extension_request_case' })
  case?: CaseEntity;

  @Index()
  @Column({ type: 'uuid' })
  timerId!: string;

  @ManyToOne(() => CaseTimerEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'timer_id', foreignKeyConstraintName: 'fk_timer_extension_request_timer' })
  timer?: CaseTimerEntity;

  /** As asked: so many hours or days of the clock's own calendar (working days for a working-day clock). */
  @Column({ type: 'int' })
  amount!: number;

  @Column({ type: 'varchar', length: 10 })
  unit!: ExtensionUnit;

  @Column({ type: 'bigint' })
  amountMs!: string;

  @Column({ type: 'varchar', length: 500 })
  reason!: string;

  @Column({ type: 'enum', enum: ExtensionState, enumName: 'extension_state' })
  state!: ExtensionState;

  @Column({ type: 'uuid' })
  requestedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'uuid', nullable: true })
  decidedBy!: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ type: 'varchar', length: 500, default: '' })
  decisionNote!: string;
}
