import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { Idempotent } from 'src/idempotency/idempotent.decorator';
import { TimerCommandService } from 'src/workflow/timer-command.service';
import { ExtensionCommandService } from 'src/workflow/extension-command.service';
import { ExtensionQueueService } from 'src/workflow/extension-queue.service';
import {
  ApproveExtensionDto,
  ExtensionRequestDto,
  ExtensionRequestPageDto,
  ListBreachesQueryDto,
  ListExtensionRequestsQueryDto,
  PauseTimerDto,
  RejectExtensionDto,
  RequestExtensionDto,
} from 'src/workflow/timer.dto';
import { BreachPageDto, CaseTimerDto } from 'src/workflow/workflow-query.dto';
import { WorkflowQueryService } from 'src/workflow/workflow-query.service';

@ApiTags('sla')
@Controller()
export class TimerController {
  constructor(
    private readonly commands: TimerCommandService,
    private readonly extensions: ExtensionCommandService,
    private readonly queries: WorkflowQueryService,
    private readonly extensionQueue: ExtensionQueueService,
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

  /**
   * Asks for more time on a running clock (in the clock's own calendar); one request per clock may wait at a time.
   * 409 EXTENSION_CAP_EXCEEDED when it would take the clock past the cap of the rule it started under.
   */
  @Authenticated(Role.Mediator, Role.LegalAid)
  @Post('cases/:id/timers/:timerId/extension-requests')
  @Idempotent()
  requestExtension(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('timerId') timerId: string,
    @Body() dto: RequestExtensionDto,
  ): Promise<ExtensionRequestDto> {
    return this.extensions.request(actor, id, timerId, dto);
  }

  /** Grants the request: the clock's due (and pending warning) time moves by the amount asked. Decided once. */
  @Authenticated(Role.Dispatcher)
  @Post('cases/:id/timers/:timerId/extension-requests/:requestId/approve')
  @HttpCode(HttpStatus.OK)
  approveExtension(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('timerId') timerId: string,
    @IdParam('requestId') requestId: string,
    @Body() dto: ApproveExtensionDto,
  ): Promise<ExtensionRequestDto> {
    return this.extensions.approve(actor, id, timerId, requestId, dto);
  }

  /** Refuses the request, with a reason for whoever asked. Decided once. */
  @Authenticated(Role.Dispatcher)
  @Post('cases/:id/timers/:timerId/extension-requests/:requestId/reject')
  @HttpCode(HttpStatus.OK)
  rejectExtension(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('timerId') timerId: string,
    @IdParam('requestId') requestId: string,
    @Body() dto: RejectExtensionDto,
  ): Promise<ExtensionRequestDto> {
    return this.extensions.reject(actor, id, timerId, requestId, dto);
  }

  /** Every extension request on the case's clocks and its decision, oldest first. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('cases/:id/extension-requests')
  listExtensions(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ExtensionRequestDto[]> {
    return this.extensions.list(actor, id);
  }

  /** Extension requests on clocks of cases in your scope, oldest first: the ones waiting with `state=pending`. */
  @Authenticated(Role.Dispatcher)
  @Get('sla/extension-requests')
  extensionRequests(
    @CurrentActor() actor: Actor,
    @Query() query: ListExtensionRequestsQueryDto,
  ): Promise<ExtensionRequestPageDto> {
    return this.extensionQueue.list(actor, query);
  }

  /** Breached clocks of cases in your scope, newest breach first. */
  @Authenticated(...CASEWORK_ROLES)
  @Get('sla/breaches')
  breaches(@CurrentActor() actor: Actor, @Query() query: ListBreachesQueryDto): Promise<BreachPageDto> {
    return this.queries.breaches(actor, query);
  }
}
