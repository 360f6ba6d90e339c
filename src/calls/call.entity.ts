import { PartyEntity } from 'src/parties/party.entity';
import { CaseEntity } from 'src/cases/case.entity';
import { Channel } from 'src/cases/case.enums';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

export enum CallDisposition {
  ConsultationAnswered = 'consultation_answered',
  CaseCreated = 'case_created',
  AttachedToCase = 'attached_to_case',
  CallbackRequested = 'callback_requested',
  Abandoned = 'abandoned',
}

/** One hotline contact, as the operator logged it. */
@Entity('call')
// An operator's own call log, newest first (migration ConsoleQueryIndexes).
@Index('idx_call_operator_started', { synchronize: false })
export class CallEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'enum', enum: Channel, enumName: 'channel' })
  channel!: Channel;

  @Column({ type: 'uuid' })
  operatorId!: string;

  /** The operator's unit when the call was taken; scopes the call. */
  @Column({ type: 'uuid' })
  orgUnitId!: string;

  @Column({ type: 'timestamptz' })
  startedAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  callerPartyId!: string | null;

  @ManyToOne(() => PartyEntity)
  @JoinColumn({ name: 'caller_party_id', foreignKeyConstraintName: 'fk_call_caller_party' })
  callerParty?: PartyEntity;

  @Column({ type: 'text', default: '' })
  summary!: string;

  @Column({ type: 'enum', enum: CallDisposition, enumName: 'call_disposition' })
  disposition!: CallDisposition;

  @Index()
  @Column({ type: 'uuid', nullable: true })
  caseId!: string | null;

  @ManyToOne(() => CaseEntity)
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_call_case' })
  case?: CaseEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
