import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The exceptions to "Monday–Friday work": statutory holidays and adjusted working days (调休). Seeded by a
 * migration from config/holiday-calendar.json (State Council notices); later years are added by an admin.
 */
@Entity('calendar_day')
export class CalendarDayEntity {
  @PrimaryColumn({ type: 'date' })
  date!: string;

  @Column({ type: 'varchar', length: 10 })
  kind!: 'holiday' | 'workday';

  @Column({ type: 'varchar', length: 50 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  source!: string;
}
