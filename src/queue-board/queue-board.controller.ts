import {
  Controller,
  createParamDecorator,
  Delete,
  ExecutionContext,
  Get,
  Header,
  HttpCode,
  HttpStatus,
  Post,
  Res,
} from '@nestjs/common';
import { ApiExcludeEndpoint, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Authenticated, PresentedToken, Public, RequestInfo } from 'src/auth/auth.decorators';
import type { RequestFacts } from 'src/sessions/auth.service';
import { Role } from 'src/auth/role';
import { boardTokenFromCookies } from 'src/queue-board/board-cookie';
import { LOGIN_PAGE_CSP, LOGIN_PAGE_HTML } from 'src/queue-board/login-page';
import { QueueBoardService } from 'src/queue-board/queue-board.service';

/** The token in the board cookie, if the browser sent one. */
const BoardCookieToken = createParamDecorator((_data: unknown, context: ExecutionContext): string | undefined =>
  boardTokenFromCookies(context.switchToHttp().getRequest<FastifyRequest>().headers.cookie),
);

/**
 * The way into the Bull Board for a browser. The board itself (`/admin/queues`, its API and assets) is served by
 * Fastify directly (queue-board.plugin.ts) behind the same admin check.
 */
@ApiTags('admin')
@Controller('admin/queues')
export class QueueBoardController {
  constructor(private readonly board: QueueBoardService) {}

  /** A sign-in form (HTML) that opens a board session. */
  @Public()
  @Get('login')
  @ApiExcludeEndpoint()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('content-security-policy', LOGIN_PAGE_CSP)
  @Header('cache-control', 'no-store')
  loginPage(): string {
    return LOGIN_PAGE_HTML;
  }

  /** Sets the board's HttpOnly, SameSite=Strict cookie to the presented admin access token. */
  @Authenticated(Role.Admin)
  @Post('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  openSession(@PresentedToken() token: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): void {
    void reply.header('set-cookie', this.board.openSession(token));
  }

  /** Clears the board cookie and ends the session it carried, if any. Public: it must work once the token has expired. */
  @Public()
  @Delete('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  async closeSession(
    @BoardCookieToken() token: string | undefined,
    @RequestInfo() request: RequestFacts,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    void reply.header('set-cookie', await this.board.closeSession(token, request));
  }
}
