import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Employers are shared reference data (not scoped): one record per credit code, or per normalised name when no
 * code is known. Partial unique indexes (in the migration) enforce both under concurrency.
 */
@Entity('employer')
@Index('uq_employer_credit_code', { synchronize: false })
@Index('uq_employer_normalized_name', { synchronize: false })
@Index('idx_employer_name_trgm', { synchronize: false })
// Suggestions (migration ConsoleQueryIndexes): a name fragment, a credit code's start.
@Index('idx_employer_normalized_name_trgm', { synchronize: false })
@Index('idx_employer_credit_code_prefix', { synchronize: false })
export class EmployerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 200 })
  name!: string;

  @Column({ type: 'varchar', length: 200 })
  normalizedName!: string;

  @Column({ type: 'char', length: 18, nullable: true })
  creditCode!: string | null;

  /** The district union (an org unit of kind `district`) whose area the employer is in, when known. */
  @Index('idx_employer_district')
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => OrgUnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id', foreignKeyConstraintName: 'fk_employer_district' })
  district?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 100, nullable: true })
  industry!: string | null;

  @Column({ type: 'varchar', length: 300, nullable: true })
  address!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
