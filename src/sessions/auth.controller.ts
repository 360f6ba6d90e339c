import { Body, Controller, Get, HttpCode, HttpStatus, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { LoginDto, MeDto, RefreshDto, TokenPairDto } from 'src/sessions/auth.dto';
import { Authenticated, CurrentActor, Public, RequestInfo } from 'src/auth/auth.decorators';
import { AuthService, RequestFacts } from 'src/sessions/auth.service';
import type { Actor } from 'src/auth/principal';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  /** Exchanges a username and password for an access token and a refresh token. Throttled per username and address. */
  @Public()
  @Post('auth/login')
  @HttpCode(HttpStatus.OK)
  login(@Body() dto: LoginDto, @RequestInfo() request: RequestFacts): Promise<TokenPairDto> {
    return this.auth.login(dto, request);
  }

  /** Rotates a refresh token: the old one is spent, a new pair is returned. */
  @Public()
  @Post('auth/refresh')
  @HttpCode(HttpStatus.OK)
  refresh(@Body() dto: RefreshDto, @RequestInfo() request: RequestFacts): Promise<TokenPairDto> {
    return this.auth.refresh(dto, request);
  }

  /** Ends the current session: its refresh tokens and access tokens stop working at once. */
  @Authenticated()
  @Post('auth/logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  logout(@CurrentActor() actor: Actor): Promise<void> {
    return this.auth.logout(actor);
  }

  /** The caller's identity, roles and home unit. */
  @Authenticated()
  @Get('me')
  me(@CurrentActor() actor: Actor): MeDto {
    return this.auth.me(actor);
  }
}
