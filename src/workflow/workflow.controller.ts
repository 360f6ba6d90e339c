import { Body, Controller, Headers, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { ClassifyCaseDto } from 'src/cases/case.dto';
import { CaseResponseDto } from 'src/cases/case-response.dto';
import { IdParam } from 'src/common/http/id-param';
import { CaseCommand, WORKFLOW } from 'src/workflow/workflow.definition';
import {
  AcceptDto,
  AnswerAtIntakeDto,
  CloseDto,
  CorrectPaymentDto,
  DecideEligibilityDto,
  DispatchDto,
  DuplicateDto,
  ProposeClosureDto,
  ReassignDto,
  ReasonDto,
  RecordAgreementDto,
  RecordCallbackDto,
  RecordContactDto,
  RecordPaymentDto,
  RecordSessionDto,
  RecordStageDto,
  StartMediationDto,
  TransferDto,
  UrgeDto,
} from 'src/workflow/workflow.dto';
import { WorkflowService } from 'src/workflow/workflow.service';

/** Roles and summary come from WORKFLOW, so the route, its docs and the machine cannot disagree. */
function Command(command: CaseCommand): MethodDecorator {
  const rule = WORKFLOW[command];
  const decorators = [
    Authenticated(...rule.roles),
    Post(`:id/${command.replace(/_/g, '-')}`),
    HttpCode(HttpStatus.OK),
    ApiHeader({ name: 'If-Match', required: false, description: 'The case version you read (or send `version`).' }),
    ApiOperation({
      summary: rule.summary,
      description: `From: ${rule.from.join(', ')} → ${rule.to ?? '(status unchanged)'}. Roles: ${rule.roles.join(', ')}.`,
    }),
  ];
  return (target, key, descriptor) => {
    for (const decorator of decorators) decorator(target, key, descriptor);
  };
}

@ApiTags('case workflow')
@Controller('cases')
export class WorkflowController {
  constructor(private readonly workflow: WorkflowService) {}

  @Command(CaseCommand.Classify)
  classify(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ClassifyCaseDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Classify, dto, m);
  }

  @Command(CaseCommand.Dispatch)
  dispatch(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: DispatchDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Dispatch, dto, m);
  }

  @Command(CaseCommand.Transfer)
  transfer(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: TransferDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Transfer, dto, m);
  }

  @Command(CaseCommand.Return)
  return(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Return, dto, m);
  }

  @Command(CaseCommand.Accept)
  accept(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: AcceptDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Accept, dto, m);
  }

  @Command(CaseCommand.Urge)
  urge(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: UrgeDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Urge, dto, m);
  }

  @Command(CaseCommand.Reassign)
  reassign(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReassignDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Reassign, dto, m);
  }

  @Command(CaseCommand.RecordContact)
  recordContact(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordContactDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordContact, dto, m);
  }

  @Command(CaseCommand.AnswerAtIntake)
  answerAtIntake(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: AnswerAtIntakeDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.AnswerAtIntake, dto, m);
  }

  @Command(CaseCommand.ProposeClosure)
  proposeClosure(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ProposeClosureDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.ProposeClosure, dto, m);
  }

  @Command(CaseCommand.Close)
  close(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: CloseDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Close, dto, m);
  }

  @Command(CaseCommand.Withdraw)
  withdraw(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Withdraw, dto, m);
  }

  @Command(CaseCommand.NotAccepted)
  notAccepted(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.NotAccepted, dto, m);
  }

  @Command(CaseCommand.Duplicate)
  duplicate(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: DuplicateDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Duplicate, dto, m);
  }

  @Command(CaseCommand.RecordCallback)
  recordCallback(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordCallbackDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordCallback, dto, m);
  }

  @Command(CaseCommand.StartMediation)
  startMediation(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: StartMediationDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.StartMediation, dto, m);
  }

  @Command(CaseCommand.RecordSession)
  recordSession(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordSessionDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordSession, dto, m);
  }

  @Command(CaseCommand.RecordAgreement)
  recordAgreement(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordAgreementDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordAgreement, dto, m);
  }

  @Command(CaseCommand.RecordNoAgreement)
  recordNoAgreement(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordNoAgreement, dto, m);
  }

  @Command(CaseCommand.ReferLegalAid)
  referLegalAid(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.ReferLegalAid, dto, m);
  }

  @Command(CaseCommand.DecideEligibility)
  decideEligibility(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: DecideEligibilityDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.DecideEligibility, dto, m);
  }

  @Command(CaseCommand.RecordStage)
  recordStage(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordStageDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordStage, dto, m);
  }

  @Command(CaseCommand.RecordPayment)
  recordPayment(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: RecordPaymentDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.RecordPayment, dto, m);
  }

  @Command(CaseCommand.CorrectPayment)
  correctPayment(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: CorrectPaymentDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.CorrectPayment, dto, m);
  }

  @Command(CaseCommand.Reopen)
  reopen(
    @CurrentActor() a: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
    @Headers('if-match') m?: string,
  ): Promise<CaseResponseDto> {
    return this.workflow.execute(a, id, CaseCommand.Reopen, dto, m);
  }
}
