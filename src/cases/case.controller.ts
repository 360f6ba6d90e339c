import { Body, Controller, Get, Headers, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiHeader, ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, Role } from 'src/auth/role';
import { CaseIntakeService } from 'src/cases/case-intake.service';
import { CaseCommandService } from 'src/cases/case-command.service';
import { ListCasesQueryDto, ListEventsQueryDto } from 'src/cases/case-query.dto';
import { CaseQueryService } from 'src/cases/case-query.service';
import { CaseEventDto, CasePageDto, CaseResponseDto } from 'src/cases/case-response.dto';
import { AddNoteDto, CreateCaseDto, LinkCaseDto, ReplaceClaimsDto, UpdateCaseDto } from 'src/cases/case.dto';
import { IdParam } from 'src/common/http/id-param';
import { Idempotent } from 'src/idempotency/idempotent.decorator';

const INTAKE_ROLES = [Role.Operator, Role.Dispatcher, Role.Mediator, Role.LegalAid];
const IF_MATCH = {
  name: 'If-Match',
  required: false,
  description: 'The case version you read, e.g. "3" (or send `version`).',
};

@ApiTags('cases')
@Controller('cases')
export class CaseController {
  constructor(
    private readonly intake: CaseIntakeService,
    private readonly commands: CaseCommandService,
    private readonly queries: CaseQueryService,
  ) {}

  /** Opens a case directly (not from a call). */
  @Authenticated(...INTAKE_ROLES)
  @Post()
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateCaseDto): Promise<CaseResponseDto> {
    return this.intake.createCase(actor, dto);
  }

  /** Cases in your scope, newest first, filtered; keyset-paginated. */
  @Authenticated(...CASEWORK_ROLES)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListCasesQueryDto): Promise<CasePageDto> {
    return this.queries.list(actor, query);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CaseResponseDto> {
    return this.queries.get(actor, id);
  }

  /** The case's timeline, oldest first (or newest first with `order=newest`). */
  @Authenticated(...CASEWORK_ROLES)
  @Get(':id/events')
  events(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() query: ListEventsQueryDto,
  ): Promise<CaseEventDto[]> {
    return this.queries.events(actor, id, query);
  }

  /** Edits the narrative, workers affected, the date the dispute arose or the employer. */
  @Authenticated(...INTAKE_ROLES)
  @Patch(':id')
  @ApiHeader(IF_MATCH)
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateCaseDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<CaseResponseDto> {
    return this.commands.update(actor, id, dto, ifMatch);
  }

  /** Replaces the claim lines (amounts in yuan strings). */
  @Authenticated(...INTAKE_ROLES)
  @Put(':id/claims')
  @ApiHeader(IF_MATCH)
  replaceClaims(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReplaceClaimsDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<CaseResponseDto> {
    return this.commands.replaceClaims(actor, id, dto, ifMatch);
  }

  @Authenticated(...INTAKE_ROLES)
  @Post(':id/notes')
  @Idempotent()
  addNote(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: AddNoteDto): Promise<{ ok: true }> {
    return this.commands.addNote(actor, id, dto);
  }

  /** Links a related case (both must be in your scope). */
  @Authenticated(...INTAKE_ROLES)
  @Post(':id/links')
  link(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: LinkCaseDto): Promise<{ linked: boolean }> {
    return this.commands.link(actor, id, dto);
  }
}
