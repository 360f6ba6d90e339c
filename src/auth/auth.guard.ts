import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from 'src/auth/auth.decorators';
import { Role } from 'src/auth/role';
import { TokenService } from 'src/auth/token.service';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';
import { UserRepository } from 'src/users/user.repository';

/**
 * Global guard. Fails closed: a route with neither @Public nor @Authenticated is refused (and a test lists
 * every route to make sure none is left that way).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles === undefined) throw new DomainError(ErrorCode.Forbidden, 'Route has no access rule');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const claims = token ? this.tokens.verifyAccess(token) : undefined;
    if (!claims) throw new DomainError(ErrorCode.Unauthenticated, 'A valid access token is required');
    const principal = await this.users.findActivePrincipal(claims.sub, claims.sid);
    if (!principal) throw new DomainError(ErrorCode.Unauthenticated, 'Session ended or account disabled');
    if (roles.length > 0 && !roles.some((role) => principal.roles.includes(role))) {
      throw new DomainError(ErrorCode.Forbidden, `Requires one of the roles: ${roles.join(', ')}`);
    }
    request.principal = principal;
    return true;
  }
}
