import { CaseEntity } from 'src/cases/case.entity';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';

/** An undirected link between related cases, stored once with the smaller id first. */
@Entity('case_link')
@Check('chk_case_link_order', `"case_a" < "case_b"`)
export class CaseLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  caseA!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_a', foreignKeyConstraintName: 'fk_case_link_a' })
  a?: CaseEntity;

  @Index()
  @PrimaryColumn({ type: 'uuid' })
  caseB!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_b', foreignKeyConstraintName: 'fk_case_link_b' })
  b?: CaseEntity;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
