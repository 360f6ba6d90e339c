import { CaseEntity } from 'src/cases/case.entity';
import { ClaimType } from 'src/cases/case.enums';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

@Entity('case_claim')
@Check('chk_case_claim_amount', `"amount_fen" >= 0`)
export class CaseClaimEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index()
  @Column({ type: 'uuid' })
  caseId!: string;

  @ManyToOne(() => CaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_claim_case' })
  case?: CaseEntity;

  @Column({ type: 'enum', enum: ClaimType, enumName: 'claim_type' })
  type!: ClaimType;

  @Column({ type: 'bigint' })
  amountFen!: string;

  @Column({ type: 'varchar', length: 500, default: '' })
  note!: string;

  @Column({ type: 'smallint' })
  position!: number;
}
