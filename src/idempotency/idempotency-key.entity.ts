import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A creating request seen before: the key is scoped to the user and route; the response is stored in the
 * same transaction as what the request created, so a retry gets exactly the first answer.
 */
@Entity('idempotency_key')
export class IdempotencyKeyEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @PrimaryColumn({ type: 'varchar', length: 64 })
  route!: string;

  @PrimaryColumn({ type: 'varchar', length: 128 })
  key!: string;

  @Column({ type: 'char', length: 64 })
  requestHash!: string;

  @Column({ type: 'smallint', nullable: true })
  responseStatus!: number | null;

  /** json, not jsonb: the replay must be byte-for-byte the first response, key order included. */
  @Column({ type: 'json', nullable: true })
  responseBody!: unknown;

  /** Keys older than the retention are pruned (IdempotencyPruneJob); the index keeps that a range delete. */
  @Index('idx_idempotency_key_created')
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
