import { Body, Controller, Get, HttpCode, HttpStatus, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CASEWORK_ROLES, REVEAL_ROLES, Role } from 'src/auth/role';
import { IdParam } from 'src/common/http/id-param';
import { type Page, PageQueryDto } from 'src/common/http/page.dto';
import {
  CreatePartyDto,
  PartyLookupDto,
  PartyResponseDto,
  RevealedFieldDto,
  RevealPartyFieldDto,
} from 'src/parties/party.dto';
import { Idempotent } from 'src/idempotency/idempotent.decorator';
import { PartyService } from 'src/parties/party.service';

@ApiTags('parties')
@Controller('parties')
export class PartyController {
  constructor(private readonly parties: PartyService) {}

  /** Records a worker or caller. Phone and ID number are encrypted at rest and answered masked. */
  @Authenticated(Role.Operator, Role.Mediator, Role.LegalAid)
  @Post()
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreatePartyDto): Promise<PartyResponseDto> {
    return this.parties.create(actor, dto);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get()
  list(@CurrentActor() actor: Actor, @Query() page: PageQueryDto): Promise<Page<PartyResponseDto>> {
    return this.parties.list(actor, page);
  }

  /** Finds parties in your scope by phone number (sent in the body so it never appears in a URL or access log). */
  @Authenticated(Role.Operator, Role.Dispatcher, Role.Mediator, Role.LegalAid)
  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  lookup(@CurrentActor() actor: Actor, @Body() dto: PartyLookupDto): Promise<PartyResponseDto[]> {
    return this.parties.lookup(actor, dto);
  }

  @Authenticated(...CASEWORK_ROLES)
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<PartyResponseDto> {
    return this.parties.get(actor, id);
  }

  /** Shows one field in full for a stated purpose; every reveal is written to the audit log. */
  @Authenticated(...REVEAL_ROLES)
  @Post(':id/reveal')
  @HttpCode(HttpStatus.OK)
  reveal(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RevealPartyFieldDto,
  ): Promise<RevealedFieldDto> {
    return this.parties.reveal(actor, id, dto);
  }
}
