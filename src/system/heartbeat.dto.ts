import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { HeartbeatEntity } from 'src/system/heartbeat.entity';

export class CreateHeartbeatDto {
  /**
   * Who asked for the round trip, e.g. a deploy check or a monitoring probe.
   * @example "deploy-check"
   */
  @IsString()
  @IsNotEmpty()
  @MaxLength(64)
  @Matches(/^[A-Za-z0-9._-]+$/, { message: 'source may hold only letters, digits, dot, underscore and hyphen' })
  source!: string;
}

export class HeartbeatResponseDto {
  /** @example "0b6f3c1e-6f1a-4d5e-9a57-2f0d0c7b9e11" */
  id!: string;
  source!: string;
  requestedAt!: string;
  /** When the worker acknowledged it; null until then. */
  processedAt!: string | null;
}

export function toHeartbeatResponse(entity: HeartbeatEntity): HeartbeatResponseDto {
  return {
    id: entity.id,
    source: entity.source,
    requestedAt: entity.requestedAt.toISOString(),
    processedAt: entity.processedAt?.toISOString() ?? null,
  };
}
