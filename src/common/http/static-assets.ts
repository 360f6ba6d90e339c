import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';

/** A file read and compressed once at start, answered with an ETag so a revisit costs a 304. */
export interface LoadedAsset {
  body: Buffer;
  gzipped: Buffer;
  type: string;
  etag: string;
}

export interface AssetRequest {
  'if-none-match'?: string;
  'accept-encoding'?: string;
}

export interface AssetResponse {
  status: 200 | 304;
  headers: Record<string, string>;
  body?: Buffer;
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export function loadAsset(body: Buffer, type: string): LoadedAsset {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  return { body, gzipped: gzipSync(body, { level: 9 }), type, etag };
}

/** `cacheControl`: `no-cache` revalidates every time (pages); hashed file names may be cached for good. */
export function assetResponse(
  asset: LoadedAsset,
  request: AssetRequest,
  extra: Record<string, string>,
  cacheControl = 'no-cache',
): AssetResponse {
  const headers: Record<string, string> = {
    ...SECURITY_HEADERS,
    ...extra,
    'content-type': asset.type,
    'cache-control': cacheControl,
    etag: asset.etag,
    vary: 'accept-encoding',
  };
  if (request['if-none-match']?.split(/\s*,\s*/).includes(asset.etag)) return { status: 304, headers };
  if (/\bgzip\b/.test(request['accept-encoding'] ?? '')) {
    return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: asset.gzipped };
  }
  return { status: 200, headers, body: asset.body };
}

export function sendAsset(reply: FastifyReply, response: AssetResponse): FastifyReply {
  return reply.status(response.status).headers(response.headers).send(response.body);
}
