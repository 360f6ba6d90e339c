import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { Actor } from 'src/auth/principal';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { CreateHeartbeatDto, HeartbeatResponseDto, toHeartbeatResponse } from 'src/system/heartbeat.dto';
import { HeartbeatRepository } from 'src/system/heartbeat.repository';

@Injectable()
export class HeartbeatService {
  constructor(
    private readonly heartbeats: HeartbeatRepository,
    private readonly queue: QueueService,
    private readonly db: DbContext,
    private readonly audit: AuditService,
  ) {}

  /** Records a heartbeat and asks the worker to acknowledge it. */
  async request(actor: Actor, dto: CreateHeartbeatDto): Promise<HeartbeatResponseDto> {
    const heartbeat = await this.db.transaction(async () => {
      const created = await this.heartbeats.create(dto.source);
      await this.audit.record(actor, {
        action: AuditAction.HeartbeatRequest,
        targetType: 'heartbeat',
        targetId: created.id,
        scopePath: actor.principal.unitPath,
      });
      return created;
    });
    // Enqueued after commit, so the worker always finds the row it is asked about; bounded like all after-commit
    // work, so a Redis outage leaves the heartbeat unprocessed (what the caller asks about) instead of hanging.
    await this.db.afterCommit(() => this.queue.enqueue(JobName.SystemHeartbeat, { heartbeatId: heartbeat.id }));
    return toHeartbeatResponse(heartbeat);
  }

  async get(id: string): Promise<HeartbeatResponseDto> {
    const heartbeat = await this.heartbeats.findById(id);
    if (!heartbeat) throw new DomainError(ErrorCode.NotFound, 'Heartbeat not found');
    return toHeartbeatResponse(heartbeat);
  }
}
