import { Type } from 'class-transformer';
import { IsInt, IsNumberString, IsOptional, Max, Min } from 'class-validator';
import { AuditEntryEntity } from 'src/audit/audit-entry.entity';

export class ListAuditQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  /** Keyset cursor: the `nextBefore` of the previous page. */
  @IsOptional()
  @IsNumberString({ no_symbols: true })
  before?: string;
}

export class AuditEntryDto {
  id!: string;
  occurredAt!: string;
  actorId!: string | null;
  actorUsername!: string;
  action!: string;
  targetType!: string;
  targetId!: string | null;
  correlationId!: string;
  ip!: string;
  detail!: Record<string, unknown>;
}

export class AuditPageDto {
  items!: AuditEntryDto[];
  /** Pass as `before` for the next (older) page; null at the end. */
  nextBefore!: string | null;
}

export function toAuditEntryDto(entry: AuditEntryEntity): AuditEntryDto {
  const { id, actorId, actorUsername, action, targetType, targetId, correlationId, ip, detail } = entry;
  return {
    id,
    occurredAt: entry.occurredAt.toISOString(),
    actorId,
    actorUsername,
    action,
    targetType,
    targetId,
    correlationId,
    ip,
    detail,
  };
}
