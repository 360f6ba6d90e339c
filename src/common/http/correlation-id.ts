import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';
// Accept a caller's id only if it is short and plain: it is echoed into logs and headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Fastify's genReqId: reuse a well-formed X-Request-Id, otherwise mint one. The id is also stored on the raw
 * request so the pino-http logger (which sees the raw request) logs the same id the error filter returns.
 */
export function correlationIdFor(req: IncomingMessage): string {
  const header = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(header) ? header[0] : header;
  const id = candidate !== undefined && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
  (req as IncomingMessage & { id?: string }).id = id;
  return id;
}
