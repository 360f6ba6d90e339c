import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { AuthService, RequestFacts } from 'src/sessions/auth.service';
import { bearerToken } from 'src/auth/bearer-token';
import { Authenticator } from 'src/sessions/authenticator';
import { Actor, Principal } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { TokenService } from 'src/sessions/token.service';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { APP_CONFIG, AppConfig, NodeEnv } from 'src/config/app-config';
import { boardCookie, boardTokenFromCookies, clearedBoardCookie } from 'src/queue-board/board-cookie';

const ADMIN_ONLY: readonly Role[] = [Role.Admin];

/** One request to the board's own API that changes something (retry, clean, pause…). */
export interface BoardAction {
  method: string;
  /** The route pattern, e.g. `/admin/queues/api/queues/:queueName/:jobId/retry`. */
  route: string;
  queueName: string | null;
  jobId: string | null;
}

/** Who may open the Bull Board, how a browser gets in, and the audit trail of what admins do there. */
@Injectable()
export class QueueBoardService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly authenticator: Authenticator,
    private readonly tokens: TokenService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /**
   * An admin behind a bearer header or else the board cookie, checked exactly like any API route. A bearer
   * header that is present wins: a bad one is refused rather than quietly replaced by the cookie.
   */
  async admit(headers: { authorization?: string; cookie?: string }): Promise<Principal> {
    const token = bearerToken(headers.authorization) ?? boardTokenFromCookies(headers.cookie);
    return this.authenticator.authenticate(token, ADMIN_ONLY);
  }

  /** The cookie for the bearer token the guard has just accepted; it lives as long as an access token can. */
  openSession(token: string | undefined): string {
    if (!token) throw new DomainError(ErrorCode.Unauthenticated, 'A valid access token is required');
    return boardCookie(token, { maxAgeSeconds: this.tokens.accessTtlSeconds, secure: this.secure });
  }

  /**
   * Clears the cookie and, if it still names a live admin session, ends that session too (audited as a logout),
   * so the token it carried cannot be replayed from a copy.
   */
  async closeSession(token: string | undefined, request: RequestFacts): Promise<string> {
    const principal = await this.authenticator.authenticate(token, ADMIN_ONLY).catch((error: unknown) => {
      if (error instanceof DomainError) return undefined;
      throw error;
    });
    if (principal) await this.auth.logout({ principal, ...request });
    return clearedBoardCookie(this.secure);
  }

  /** Written before the action runs: an action whose audit entry cannot be written is not performed. */
  async recordAction(actor: Actor, action: BoardAction): Promise<void> {
    await this.audit.record(actor, {
      action: AuditAction.QueueBoardAction,
      targetType: 'queue',
      targetId: action.queueName,
      scopePath: actor.principal.unitPath,
      detail: { method: action.method, route: action.route, jobId: action.jobId },
    });
  }

  private get secure(): boolean {
    return this.config.env === NodeEnv.Production;
  }
}
