import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { CreateHeartbeatDto, HeartbeatResponseDto } from 'src/system/heartbeat.dto';
import { HeartbeatService } from 'src/system/heartbeat.service';

/** Operators' end-to-end probe: API → queue → worker → database. */
@ApiTags('system')
@Controller('system/heartbeats')
export class HeartbeatController {
  constructor(private readonly heartbeats: HeartbeatService) {}

  /** Records a heartbeat and enqueues a job for the worker to acknowledge it. */
  @Authenticated(Role.Admin)
  @Post()
  request(@CurrentActor() actor: Actor, @Body() dto: CreateHeartbeatDto): Promise<HeartbeatResponseDto> {
    return this.heartbeats.request(actor, dto);
  }

  /** A heartbeat with `processedAt` set once a worker has consumed its job. */
  @Authenticated(Role.Admin)
  @Get(':id')
  get(@IdParam() id: string): Promise<HeartbeatResponseDto> {
    return this.heartbeats.get(id);
  }
}
