import { ExportFormat } from 'src/exports/export-table';
import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import { UserEntity } from 'src/users/user.entity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum ExportKind {
  Cases = 'cases',
  Breakdown = 'breakdown',
}

export enum ExportState {
  Queued = 'queued',
  Running = 'running',
  Done = 'done',
  Failed = 'failed',
  /** Done, and the file has since been removed (exports are kept for a limited time). */
  Expired = 'expired',
}

/**
 * An export written in the background. The caller's scope is recorded at request time and the job runs with it,
 * so a later change of the owner's unit neither widens nor narrows what the file holds.
 */
@Entity('export_job')
@Index('idx_export_job_owner', ['ownerId', 'createdAt'])
@Index('idx_export_job_state', ['state', 'createdAt'])
@Check('chk_export_job_progress', `"progress" BETWEEN 0 AND 100`)
export class ExportJobEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  ownerId!: string;

  @ManyToOne(() => UserEntity)
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_export_job_owner' })
  owner?: UserEntity;

  /** The owner's unit when the export was asked for: the root of its scope. */
  @Column({ type: 'uuid' })
  unitId!: string;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'unit_id', foreignKeyConstraintName: 'fk_export_job_unit' })
  unit?: OrgUnitEntity;

  @Column({ type: 'text' })
  unitPath!: string;

  @Column({ type: 'enum', enum: ExportKind, enumName: 'export_kind' })
  kind!: ExportKind;

  @Column({ type: 'enum', enum: ExportFormat, enumName: 'export_format' })
  format!: ExportFormat;

  /** The validated filters, the report period already resolved to explicit dates. */
  @Column({ type: 'jsonb' })
  filters!: Record<string, unknown>;

  @Column({ type: 'enum', enum: ExportState, enumName: 'export_state', default: ExportState.Queued })
  state!: ExportState;

  @Column({ type: 'smallint', default: 0 })
  progress!: number;

  @Column({ type: 'int', nullable: true })
  rowCount!: number | null;

  /** The Chinese file name offered on download. */
  @Column({ type: 'varchar', length: 200 })
  fileName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  fileKey!: string | null;

  @Column({ type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  /** Why it failed, for the owner: never personal data. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error!: string | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;
}
