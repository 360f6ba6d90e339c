import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES } from 'src/auth/role';
import { WorkQueueQueryDto } from 'src/cases/case-query.dto';
import { CaseQueryService } from 'src/cases/case-query.service';
import { CasePageDto } from 'src/cases/case-response.dto';
import { IdParam } from 'src/common/http/id-param';

@ApiTags('work queues')
@Controller()
export class WorkQueueController {
  constructor(private readonly queries: CaseQueryService) {}

  /** My open cases, nearest deadline (of their running SLA clocks) first; cases with no running clock last. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('me/cases')
  myCases(@CurrentActor() actor: Actor, @Query() query: WorkQueueQueryDto): Promise<CasePageDto> {
    return this.queries.myCases(actor, query);
  }

  /** Cases dispatched to this union and not yet accepted or returned, nearest deadline first. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('units/:id/inbox')
  inbox(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: WorkQueueQueryDto): Promise<CasePageDto> {
    return this.queries.inbox(actor, id, query);
  }
}
