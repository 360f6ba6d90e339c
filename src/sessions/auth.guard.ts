import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthenticatedRequest, PUBLIC_ROUTE, ROUTE_ROLES } from 'src/auth/auth.decorators';
import { bearerToken } from 'src/auth/bearer-token';
import { Authenticator } from 'src/sessions/authenticator';
import { Role } from 'src/auth/role';
import { DomainError } from 'src/common/errors/domain.error';
import { ErrorCode } from 'src/common/errors/error-code';

/**
 * Global guard. Fails closed: a route with neither @Public nor @Authenticated is refused (and a test lists
 * every route to make sure none is left that way).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_ROUTE, targets) === true) return true;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROUTE_ROLES, targets);
    if (roles === undefined) throw new DomainError(ErrorCode.Forbidden, 'Route has no access rule');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.principal = await this.authenticator.authenticate(bearerToken(request.headers.authorization), roles);
    return true;
  }
}
