import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { TimerCommandService } from 'src/workflow/timer-command.service';
import { ListBreachesQueryDto, PauseTimerDto } from 'src/workflow/timer.dto';
import { BreachPageDto, CaseTimerDto } from 'src/workflow/workflow-query.dto';
import { WorkflowQueryService } from 'src/workflow/workflow-query.service';

@ApiTags('sla')
@Controller()
export class TimerController {
  constructor(
    private readonly commands: TimerCommandService,
    private readonly queries: WorkflowQueryService,
  ) {}

  /** Stops a clock from counting while the case waits on the worker (e.g. for evidence). */
  @Authenticated(Role.Mediator, Role.LegalAid, Role.Dispatcher)
  @Post('cases/:id/timers/:timerId/pause')
  @HttpCode(HttpStatus.OK)
  pause(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('timerId') timerId: string,
    @Body() dto: PauseTimerDto,
  ): Promise<CaseTimerDto[]> {
    return this.commands.pause(actor, id, timerId, dto.reason);
  }

  /** Restarts a paused clock; its deadlines move by the time it was paused. */
  @Authenticated(Role.Mediator, Role.LegalAid, Role.Dispatcher)
  @Post('cases/:id/timers/:timerId/resume')
  @HttpCode(HttpStatus.OK)
  resume(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('timerId') timerId: string,
  ): Promise<CaseTimerDto[]> {
    return this.commands.resume(actor, id, timerId);
  }

  /** Breached clocks of cases in your scope, newest breach first. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('sla/breaches')
  breaches(@CurrentActor() actor: Actor, @Query() query: ListBreachesQueryDto): Promise<BreachPageDto> {
    return this.queries.breaches(actor, query);
  }
}
