import { CaseEntity } from 'src/cases/case.entity';
import { CalendarMode } from 'src/sla/business-calendar';
import { TimerName, TimerState } from 'src/cases/case-clock.enums';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One clock on one case: the database is its source of truth. The rule it runs under (limit, calendar mode,
 * warning fraction, policy and version) is copied in when it starts, so a later policy edit leaves it alone.
 */
@Entity('case_timer')
@Index('idx_case_timer_due', ['state', 'dueAt'])
@Index('uq_case_timer_active', { synchronize: false })
@Index('idx_case_timer_breached', { synchronize: false })
@Index('idx_case_timer_warn_pending', { synchronize: false })
export class CaseTimerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_timer_case' })
  case?: CaseEntity;

  @Column({ type: 'enum', enum: TimerName, enumName: 'timer_name' })
  timer!: TimerName;

  /** What the clock is about when a case has several of the kind (an instalment id); '' otherwise. */
  @Column({ type: 'varchar', length: 64, default: '' })
  ref!: string;

  @Column({ type: 'enum', enum: TimerState, enumName: 'timer_state' })
  state!: TimerState;

  @Column({ type: 'varchar', length: 40 })
  policyCode!: string;

  @Column({ type: 'int' })
  policyVersion!: number;

  @Column({ type: 'bigint' })
  limitMs!: string;

  @Column({ type: 'varchar', length: 20 })
  mode!: CalendarMode;

  @Column({ type: 'real' })
  warnFraction!: number;

  /** The most its deadline may be extended by in total (the rule's cap, in its calendar's time); 0: never. */
  @Column({ type: 'bigint', default: 0 })
  maxExtensionMs!: string;

  /** Extensions approved so far. */
  @Column({ type: 'bigint', default: 0 })
  extendedMs!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz' })
  warnAt!: Date;

  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  /** Bumped whenever the deadline moves (pause, resume, extension): part of the firing jobs' ids. */
  @Column({ type: 'int', default: 1 })
  deadlineVersion!: number;

  @Column({ type: 'timestamptz', nullable: true })
  pausedSince!: Date | null;

  @Column({ type: 'bigint', default: 0 })
  pausedTotalMs!: string;

  @Column({ type: 'timestamptz', nullable: true })
  warnedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  metAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  breachedAt!: Date | null;
}
