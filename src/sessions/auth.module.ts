import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from 'src/audit/audit.module';
import { AuthController } from 'src/sessions/auth.controller';
import { AuthGuard } from 'src/sessions/auth.guard';
import { AuthService } from 'src/sessions/auth.service';
import { Authenticator } from 'src/sessions/authenticator';
import { LoginThrottle } from 'src/sessions/login-throttle';
import { SessionRepository } from 'src/sessions/session.repository';
import { TokenService } from 'src/sessions/token.service';
import { UsersModule } from 'src/users/users.module';

@Module({
  imports: [AuditModule, UsersModule],
  controllers: [AuthController],
  providers: [
    AuthService,
    Authenticator,
    TokenService,
    SessionRepository,
    LoginThrottle,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService, Authenticator, AuthService],
})
export class AuthModule {}
