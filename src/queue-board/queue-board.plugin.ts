import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AuthenticatedRequest } from 'src/auth/auth.decorators';
import { errorBodyFor } from 'src/server/all-exceptions.filter';
import { QueueName } from 'src/queue/queue.constants';
import { QUEUE_BOARD_PATH } from 'src/queue-board/board-cookie';
import { QueueBoardService } from 'src/queue-board/queue-board.service';

const READS = new Set(['GET', 'HEAD']);

// The board's own bundle is served from here; inline styles are its React components' style attributes.
const BOARD_CSP = [
  "default-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

// Bull Board's page links Google Fonts: unreachable from mainland China (a render-blocking stylesheet that stalls
// the page) and a report to a third party of every visit. Without it the system fonts are used.
const EXTERNAL_FONTS = /<link[^>]+fonts\.googleapis\.com[^>]*>\s*/g;

/**
 * Mounts Bull Board for every queue at /admin/queues, inside its own Fastify scope whose onRequest hook admits
 * only admins (bearer header or the board cookie) before any board route, API call or asset is served. The
 * Nest routes beside it (login page, session) are outside the scope and guarded by the usual AuthGuard.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const service = app.get(QueueBoardService);
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: Object.values(QueueName).map((name) => new BullMQAdapter(app.get<Queue>(getQueueToken(name)))),
    serverAdapter,
    options: { uiConfig: { boardTitle: '队列看板', locale: { lng: 'zh-CN' }, hideDocsLink: true } },
  });

  const admitAdmin = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    void reply.header('content-security-policy', BOARD_CSP);
    try {
      (request as AuthenticatedRequest).principal = await service.admit(request.headers);
      return undefined;
    } catch (error) {
      const body = errorBodyFor(error, request.id);
      return reply.status(body.statusCode).send(body);
    }
  };

  const auditChange = async (request: FastifyRequest): Promise<void> => {
    const { principal } = request as AuthenticatedRequest;
    if (READS.has(request.method) || !principal) return;
    const params = request.params as Partial<Record<'queueName' | 'jobId', string>>;
    await service.recordAction(
      { principal, correlationId: request.id, ip: request.ip },
      {
        method: request.method,
        route: request.routeOptions.url ?? request.url.split('?')[0] ?? '',
        queueName: params.queueName ?? null,
        jobId: params.jobId ?? null,
      },
    );
  };

  const withoutExternalFonts = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) =>
    typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html')
      ? payload.replace(EXTERNAL_FONTS, '')
      : payload;

  await app.register(
    async (board: FastifyInstance) => {
      board.addHook('onRequest', admitAdmin);
      board.addHook('preHandler', auditChange);
      board.addHook('onSend', withoutExternalFonts);
      await board.register(serverAdapter.registerPlugin());
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
