import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES } from 'src/auth/role';
import { WorkQueueQueryDto } from 'src/cases/case-query.dto';
import { WorkItemPageDto } from 'src/cases/work-queue.dto';
import { WorkQueueService } from 'src/cases/work-queue.service';
import { IdParam } from 'src/common/http/id-param';

@ApiTags('work queues')
@Controller()
export class WorkQueueController {
  constructor(private readonly queues: WorkQueueService) {}

  /** My open cases, nearest deadline (of their running SLA clocks) first; cases with no running clock last. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('me/cases')
  myCases(@CurrentActor() actor: Actor, @Query() query: WorkQueueQueryDto): Promise<WorkItemPageDto> {
    return this.queues.myCases(actor, query);
  }

  /** The union's dispatch desk: triaged cases to dispatch (returned ones too), dispatched ones not yet accepted. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('units/:id/inbox')
  inbox(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: WorkQueueQueryDto,
  ): Promise<WorkItemPageDto> {
    return this.queues.inbox(actor, id, query);
  }
}
