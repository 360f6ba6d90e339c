import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { LoginDto, MeDto, RefreshDto, TokenPairDto } from 'src/sessions/auth.dto';
import { LoginThrottle } from 'src/sessions/login-throttle';
import { PasswordHasher } from 'src/users/password-hasher';
import { Actor } from 'src/auth/principal';
import { SessionRepository } from 'src/sessions/session.repository';
import { hashRefreshToken, TokenService } from 'src/sessions/token.service';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { DbContext } from 'src/database/db-context';
import { UserRepository } from 'src/users/user.repository';

export interface RequestFacts {
  correlationId: string;
  ip: string;
}

const INVALID_LOGIN = 'Invalid username or password';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DbContext,
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly tokens: TokenService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuditService,
  ) {}

  async login(dto: LoginDto, request: RequestFacts): Promise<TokenPairDto> {
    const username = dto.username.trim().toLowerCase();
    await this.throttle.check(username, request.ip);
    const found = await this.users.findByUsernameWithUnit(username);
    const passwordOk = await this.hasher.verify(found?.user.passwordHash, dto.password);
    if (!found || !passwordOk || !found.user.active) {
      await this.throttle.recordFailure(username);
      await this.audit.record(
        { userId: found?.user.id ?? null, username, ...request },
        {
          action: AuditAction.LoginFailed,
          targetType: 'user',
          targetId: found?.user.id ?? null,
          scopePath: found?.unitPath ?? '/',
        },
      );
      throw new DomainError(ErrorCode.Unauthenticated, INVALID_LOGIN);
    }
    await this.throttle.reset(username);
    const { user, unitPath } = found;
    return this.db.transaction(async () => {
      const session = await this.sessions.createSession(user.id);
      const pair = await this.issue(user.id, session.id);
      await this.audit.record(
        { userId: user.id, username: user.username, ...request },
        { action: AuditAction.Login, targetType: 'session', targetId: session.id, scopePath: unitPath },
      );
      return pair;
    });
  }

  /**
   * Rotates a refresh token. A token that was already used means it was copied: the whole session is revoked
   * (committed before answering 401), so neither the thief nor the owner can continue without logging in.
   */
  async refresh(dto: RefreshDto, request: RequestFacts): Promise<TokenPairDto> {
    const outcome = await this.db.transaction(async (): Promise<{ error: string } | { pair: TokenPairDto }> => {
      const token = await this.sessions.findRefreshTokenForUpdate(hashRefreshToken(dto.refreshToken));
      if (!token) return { error: 'Invalid refresh token' };
      if (token.usedAt !== null) {
        await this.sessions.revokeSession(token.sessionId, 'refresh_reuse');
        await this.audit.record(
          { userId: token.userId, username: '(refresh)', ...request },
          { action: AuditAction.RefreshReuse, targetType: 'session', targetId: token.sessionId, scopePath: '/' },
        );
        return { error: 'Refresh token already used; the session has been revoked' };
      }
      if (token.sessionRevokedAt !== null || token.expiresAt.getTime() <= Date.now()) {
        return { error: 'Refresh token expired or revoked' };
      }
      await this.sessions.markRefreshTokenUsed(token.id);
      return { pair: await this.issue(token.userId, token.sessionId) };
    });
    if ('error' in outcome) throw new DomainError(ErrorCode.Unauthenticated, outcome.error);
    return outcome.pair;
  }

  async logout(actor: Actor): Promise<void> {
    await this.db.transaction(async () => {
      await this.sessions.revokeSession(actor.principal.sessionId, 'logout');
      await this.audit.record(actor, {
        action: AuditAction.Logout,
        targetType: 'session',
        targetId: actor.principal.sessionId,
        scopePath: actor.principal.unitPath,
      });
    });
  }

  me(actor: Actor): MeDto {
    const { userId, username, roles, unitId } = actor.principal;
    return { id: userId, username, roles, orgUnitId: unitId };
  }

  private async issue(userId: string, sessionId: string): Promise<TokenPairDto> {
    const refresh = this.tokens.newRefreshToken();
    await this.sessions.addRefreshToken(sessionId, refresh.hash, refresh.expiresAt);
    return {
      accessToken: this.tokens.signAccess({ sub: userId, sid: sessionId }),
      refreshToken: refresh.token,
      tokenType: 'Bearer',
      expiresIn: this.tokens.accessTtlSeconds,
    };
  }
}
