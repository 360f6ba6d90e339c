import { OrgUnitEntity } from 'src/org-units/org-unit.entity';
import {
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

export enum EmploymentForm {
  Standard = 'standard',
  Dispatched = 'dispatched',
  PartTime = 'part_time',
  Platform = 'platform',
  Migrant = 'migrant',
}

/**
 * A worker or caller. Phone and ID number are stored only encrypted (`*_cipher`) with a keyed blind index
 * (`*_index`) for exact lookup; the plain values never reach the database.
 */
@Entity('party')
export class PartyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The unit whose subtree may see this party. */
  @Index()
  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @ManyToOne(() => OrgUnitEntity)
  @JoinColumn({ name: 'org_unit_id', foreignKeyConstraintName: 'fk_party_org_unit' })
  orgUnit?: OrgUnitEntity;

  @Column({ type: 'varchar', length: 100 })
  name!: string;

  @Column({ type: 'text', nullable: true })
  phoneCipher!: string | null;

  @Index()
  @Column({ type: 'char', length: 64, nullable: true })
  phoneIndex!: string | null;

  @Column({ type: 'text', nullable: true })
  idNumberCipher!: string | null;

  @Index()
  @Column({ type: 'char', length: 64, nullable: true })
  idNumberIndex!: string | null;

  @Column({ type: 'enum', enum: EmploymentForm, enumName: 'employment_form', default: EmploymentForm.Standard })
  employmentForm!: EmploymentForm;

  @Column({ type: 'boolean', default: false })
  unionMember!: boolean;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @VersionColumn()
  version!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
