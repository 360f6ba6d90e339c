import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { CaseTimerDto, LedgerDto, LegalStageDto, MediationSessionDto } from 'src/workflow/workflow-query.dto';
import { WorkflowQueryService } from 'src/workflow/workflow-query.service';

@ApiTags('case workflow')
@Controller('cases')
export class WorkflowQueryController {
  constructor(private readonly queries: WorkflowQueryService) {}

  /** The recovery ledger (money recovered is its sum) and the agreement's instalments: paid / due / overdue. */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/payments')
  ledger(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LedgerDto> {
    return this.queries.ledger(actor, id);
  }

  /** The case's SLA and statutory clocks: running, paused, met, breached or cancelled, with their due times. */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/timers')
  timers(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseTimerDto[]> {
    return this.queries.timers(actor, id);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/mediation-sessions')
  sessions(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MediationSessionDto[]> {
    return this.queries.sessions(actor, id);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/legal-aid-stages')
  legalStages(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LegalStageDto[]> {
    return this.queries.legalStages(actor, id);
  }
}
