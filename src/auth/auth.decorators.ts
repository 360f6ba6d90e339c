import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { bearerToken } from 'src/auth/bearer-token';
import { Actor, Principal } from 'src/auth/principal';
import { Role } from 'src/auth/role';

export const PUBLIC_ROUTE = Symbol('PUBLIC_ROUTE');
export const ROUTE_ROLES = Symbol('ROUTE_ROLES');

/** No authentication. Every route must carry either this or @Authenticated; a test checks it. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** A valid access token, and (if roles are given) at least one of them. */
export const Authenticated = (...roles: Role[]) =>
  applyDecorators(
    SetMetadata(ROUTE_ROLES, roles),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired access token' }),
    ...(roles.length > 0 ? [ApiForbiddenResponse({ description: `Requires one of: ${roles.join(', ')}` })] : []),
  );

export type AuthenticatedRequest = FastifyRequest & { principal?: Principal };

/** The caller, with the correlation id and address the audit log records. */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.principal) throw new Error('CurrentActor used on a route without @Authenticated');
  return { principal: request.principal, correlationId: request.id, ip: request.ip };
});

/** Request facts for public routes (login, refresh), which have no principal yet. */
export const RequestInfo = createParamDecorator(
  (_data: unknown, context: ExecutionContext): { correlationId: string; ip: string } => {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    return { correlationId: request.id, ip: request.ip };
  },
);

/** The access token the caller presented (for a route that hands it on, after the guard has checked it). */
export const PresentedToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  bearerToken(context.switchToHttp().getRequest<FastifyRequest>().headers.authorization),
);
