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
  if (acceptsGzip(request['accept-encoding'])) {
    return { status: 200, headers: { ...headers, 'content-encoding': 'gzip' }, body: asset.gzipped };
  }
  return { status: 200, headers, body: asset.body };
}

/**
 * Whether an Accept-Encoding header takes gzip: named (or `*`) with a quality above zero. `gzip;q=0` is a refusal,
 * and a `*;q=0` refuses every encoding not named.
 */
export function acceptsGzip(header: string | undefined): boolean {
  let star: boolean | undefined;
  for (const part of (header ?? '').split(',')) {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const allowed = q === undefined || Number(q) > 0;
    if (coding.trim() === 'gzip' || coding.trim() === 'x-gzip') return allowed;
    if (coding.trim() === '*') star = allowed;
  }
  return star ?? false;
}

export function sendAsset(reply: FastifyReply, response: AssetResponse): FastifyReply {
  return reply.status(response.status).headers(response.headers).send(response.body);
}
