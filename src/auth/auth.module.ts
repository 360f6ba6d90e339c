import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuditModule } from 'src/audit/audit.module';
import { AuthController } from 'src/auth/auth.controller';
import { AuthGuard } from 'src/auth/auth.guard';
import { AuthService } from 'src/auth/auth.service';
import { Authenticator } from 'src/auth/authenticator';
import { LoginThrottle } from 'src/auth/login-throttle';
import { SessionRepository } from 'src/auth/session.repository';
import { TokenService } from 'src/auth/token.service';
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
