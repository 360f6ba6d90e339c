import { PolicyMatch, TimerRule } from 'src/sla/sla.types';
import { TimerName } from 'src/cases/case-clock.enums';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An SLA policy as data (seeded from config/sla-policies.json, edited by admins). */
@Entity('sla_policy')
export class SlaPolicyEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  code!: string;

  /** Bumped on every edit; timers record the version they started under. */
  @Column({ type: 'int', default: 1 })
  version!: number;

  /** Order for tie-breaking between equally specific policies. */
  @Column({ type: 'int', default: 0 })
  position!: number;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  match!: PolicyMatch;

  @Column({ type: 'jsonb' })
  timers!: Partial<Record<TimerName, TimerRule>>;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
