import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, Observable } from 'rxjs';
import { AuthenticatedRequest } from 'src/auth/auth.decorators';
import { IdempotencyService } from 'src/idempotency/idempotency.service';
import { IDEMPOTENT_ROUTE } from 'src/idempotency/idempotent.decorator';

/**
 * Global. On a route marked @Idempotent with an `Idempotency-Key` header, runs everything after it — validation,
 * the handler, the commit — inside IdempotencyService's transaction: the services' own transactions join it, so
 * the claim, the writes and the stored response commit together. The request compared on a retry is the route's
 * path parameters and body, so one key cannot create two things on two cases either.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly idempotency: IdempotencyService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (this.reflector.get<boolean | undefined>(IDEMPOTENT_ROUTE, context.getHandler()) !== true) return next.handle();
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers['idempotency-key'];
    const key = Array.isArray(header) ? header[0] : header;
    if (key === undefined || request.principal === undefined) return next.handle();
    const route = `${request.method} ${request.routeOptions.url ?? ''}`;
    const compared = { params: request.params, body: request.body };
    const status =
      this.reflector.get<number | undefined>(HTTP_CODE_METADATA, context.getHandler()) ?? HttpStatus.CREATED;
    // next.handle() is called inside the transaction: Nest binds the handler to the async context of that call.
    return from(
      this.idempotency.run(request.principal.userId, route, key, compared, status, () => lastValueFrom(next.handle())),
    );
  }
}
