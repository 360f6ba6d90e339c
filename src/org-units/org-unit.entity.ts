import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';

export enum OrgUnitKind {
  City = 'city',
  District = 'district',
  Street = 'street',
  Industry = 'industry',
}

/**
 * A union in the federation tree. `path` is the materialized path of ids (`/cityId/districtId/`), so "is X in
 * my subtree" is an index-backed prefix match (`path LIKE '/cityId/%'`), never a recursive query.
 */
@Entity('org_unit')
// text_pattern_ops (created in the migration) lets `path LIKE 'prefix%'` use the index.
@Index('idx_org_unit_path', { synchronize: false })
@Check('chk_org_unit_root', `("parent_id" IS NULL) = ("depth" = 0)`)
export class OrgUnitEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index({ unique: true })
  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'varchar', length: 100 })
  nameZh!: string;

  @Column({ type: 'varchar', length: 200 })
  nameEn!: string;

  @Column({ type: 'enum', enum: OrgUnitKind, enumName: 'org_unit_kind' })
  kind!: OrgUnitKind;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'fk_org_unit_parent' })
  parent?: OrgUnitEntity;

  @Column({ type: 'text' })
  path!: string;

  @Column({ type: 'smallint' })
  depth!: number;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
