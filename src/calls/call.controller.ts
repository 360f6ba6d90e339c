import { Body, Controller, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, CurrentActor } from 'src/auth/auth.decorators';
import type { Actor } from 'src/auth/principal';
import { CALL_ROLES } from 'src/auth/role';
import { CallLookupDto, CallLookupResponseDto, CallResponseDto, LogCallDto } from 'src/calls/call.dto';
import { CallService } from 'src/calls/call.service';
import { Idempotent } from 'src/idempotency/idempotent.decorator';

/** Who takes hotline contacts (and so has a call log of their own). */

@ApiTags('calls')
@Controller('calls')
export class CallController {
  constructor(private readonly calls: CallService) {}

  /**
   * Logs one hotline contact. Depending on `disposition` it creates a case, attaches to an existing case,
   * records a callback request, or closes a consultation answered on the spot.
   */
  @Authenticated(...CALL_ROLES)
  @Post()
  @Idempotent()
  log(@CurrentActor() actor: Actor, @Body() dto: LogCallDto): Promise<CallResponseDto> {
    return this.calls.log(actor, dto);
  }

  /** Finds a repeat caller by phone (in the body, never in a URL) with their open cases in your scope. */
  @Authenticated(...CALL_ROLES)
  @Post('lookup')
  @HttpCode(HttpStatus.OK)
  lookup(@CurrentActor() actor: Actor, @Body() dto: CallLookupDto): Promise<CallLookupResponseDto> {
    return this.calls.lookup(actor, dto);
  }
}
