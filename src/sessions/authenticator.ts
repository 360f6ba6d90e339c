import { Injectable } from '@nestjs/common';
import { Principal } from 'src/auth/principal';
import { Role } from 'src/auth/role';
import { TokenService } from 'src/sessions/token.service';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { UserRepository } from 'src/users/user.repository';

/**
 * Turns an access token into the caller. Shared by the global AuthGuard and the Fastify-native queue board, so
 * both refuse the same tokens: the signature and claims are checked, then the session and the account are
 * checked in the database on every request, so logout and deactivation take effect at once.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  /** The caller, if the token is valid and their session is live and holds one of `roles` (none: any role). */
  async authenticate(token: string | undefined, roles: readonly Role[]): Promise<Principal> {
    const claims = token ? this.tokens.verifyAccess(token) : undefined;
    if (!claims) throw new DomainError(ErrorCode.Unauthenticated, 'A valid access token is required');
    const principal = await this.users.findActivePrincipal(claims.sub, claims.sid);
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Session ended or account disabled');
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
      throw new DomainError(ErrorCode.Forbidden, `Requires one of the roles: ${roles.join(', ')}`);
    }
    return principal;
  }
}
