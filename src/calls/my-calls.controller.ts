import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CALL_ROLES } from 'src/auth/role';
import { CallPageDto, ListMyCallsQueryDto } from 'src/calls/call.dto';
import { CallService } from 'src/calls/call.service';

@ApiTags('calls')
@Controller('me/calls')
export class MyCallsController {
  constructor(private readonly calls: CallService) {}

  /** The calls you logged, newest first. */
  @Authenticated(...CALL_ROLES)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListMyCallsQueryDto): Promise<CallPageDto> {
    return this.calls.mine(actor, query.limit);
  }
}
