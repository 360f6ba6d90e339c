import { Injectable } from '@nestjs/common';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { JobName } from 'src/queue/queue.constants';
import { QueueService } from 'src/queue/queue.service';
import { CreateHeartbeatDto, HeartbeatResponseDto, toHeartbeatResponse } from 'src/system/heartbeat.dto';
import { HeartbeatRepository } from 'src/system/heartbeat.repository';

@Injectable()
export class HeartbeatService {
  constructor(
    private readonly heartbeats: HeartbeatRepository,
    private readonly queue: QueueService,
  ) {}

  /** Records a heartbeat and asks the worker to acknowledge it. */
  async request(dto: CreateHeartbeatDto): Promise<HeartbeatResponseDto> {
    const heartbeat = await this.heartbeats.create(dto.source);
    await this.queue.enqueue(JobName.SystemHeartbeat, { heartbeatId: heartbeat.id });
    return toHeartbeatResponse(heartbeat);
  }

  async get(id: string): Promise<HeartbeatResponseDto> {
    const heartbeat = await this.heartbeats.findById(id);
    if (!heartbeat) throw new DomainError(ErrorCode.NotFound, 'Heartbeat not found');
    return toHeartbeatResponse(heartbeat);
  }
}
