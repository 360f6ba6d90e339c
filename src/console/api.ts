// The console's only way to the server: the same JSON API and bearer tokens as any other client.
//
// Tokens follow docs/dashboard.md: the access token (15 minutes) lives only in this module's memory; the refresh
// token is kept in sessionStorage (per tab, gone when it closes) and rotated on every use. One renewal at a time:
// two uses of one refresh token would be taken for a replay and end the session.

const REFRESH_KEY = 'gd.console.refresh';

export interface FieldError {
  field: string;
  reasons: string[];
}

/** An answer other than 2xx, with the API's error code and, for a 400, the failing fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }

  get fieldErrors(): FieldError[] {
    return Array.isArray(this.details) ? (this.details as FieldError[]) : [];
  }
}

interface TokenPair {
  accessToken: string;
  refreshToken: string;
}

let accessToken: string | null = null;
let refreshing: Promise<boolean> | null = null;
// Set while signing out: a renewal that lands then must not bring the session back.
let leaving = false;
let signedOut: () => void = () => undefined;

export function onSignedOut(listener: () => void): void {
  signedOut = listener;
}

function keep(pair: TokenPair): void {
  if (leaving) return;
  accessToken = pair.accessToken;
  sessionStorage.setItem(REFRESH_KEY, pair.refreshToken);
}

function forget(): void {
  accessToken = null;
  sessionStorage.removeItem(REFRESH_KEY);
}

async function errorOf(res: Response): Promise<ApiError> {
  const body = (await res.json().catch(() => ({}))) as { code?: string; message?: string; details?: unknown };
  return new ApiError(
    res.status,
    body.code ?? 'HTTP_ERROR',
    body.message ?? `HTTP ${String(res.status)}`,
    body.details,
  );
}

function renew(): Promise<boolean> {
  refreshing ??= (async () => {
    const refreshToken = sessionStorage.getItem(REFRESH_KEY);
    if (!refreshToken) return false;
    const res = await fetch('/auth/refresh', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ refreshToken }),
    });
    if (res.ok) {
      keep((await res.json()) as TokenPair);
      return true;
    }
    // Throttled or a server fault: the token may still be good, so keep it.
    if (res.status === 429 || res.status >= 500) throw await errorOf(res);
    forget();
    return false;
  })().finally(() => {
    refreshing = null;
  });
  return refreshing;
}

export function hasSession(): boolean {
  return accessToken !== null || sessionStorage.getItem(REFRESH_KEY) !== null;
}

export async function login(username: string, password: string): Promise<void> {
  const res = await fetch('/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (!res.ok) throw await errorOf(res);
  leaving = false;
  keep((await res.json()) as TokenPair);
}

/** Ends the session on the server (renewing once if the access token has expired), then forgets both tokens. */
export async function logout(): Promise<void> {
  if (refreshing) await refreshing.catch(() => false);
  if (accessToken === null) await renew().catch(() => false);
  const send = () =>
    fetch('/auth/logout', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken ?? ''}` },
      body: JSON.stringify({ refreshToken: sessionStorage.getItem(REFRESH_KEY) ?? '' }),
    });
  if (accessToken !== null && sessionStorage.getItem(REFRESH_KEY) !== null) {
    const res = await send().catch(() => null);
    if (res?.status === 401 && (await renew().catch(() => false))) await send().catch(() => null);
  }
  leaving = true;
  forget();
}

export interface RequestOptions {
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  idempotencyKey?: string;
}

/** A same-origin path with the given query parameters added (empty ones left out). */
export function pathWith(path: string, query: RequestOptions['query'] = {}): string {
  const url = new URL(path, location.origin);
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
  }
  return url.pathname + url.search;
}

/** A 2xx answer from the API with the session's token, renewed once on a 401 and retried. */
async function authorized(method: string, path: string, options: RequestOptions): Promise<Response> {
  if (accessToken === null && !(await renew())) {
    signedOut();
    throw new ApiError(401, 'UNAUTHENTICATED', '请重新登录', undefined);
  }
  const send = () => {
    const headers: Record<string, string> = { authorization: `Bearer ${accessToken ?? ''}` };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
    return fetch(pathWith(path, options.query), {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  };
  let res = await send();
  if (res.status === 401) {
    if (!(await renew())) {
      signedOut();
      throw await errorOf(res);
    }
    res = await send();
  }
  if (!res.ok) throw await errorOf(res);
  return res;
}

/** Calls the API with the session's token; renews it once on a 401 and retries. */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const res = await authorized(method, path, options);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** A file from the API (an attachment's content), with the token in a header: it must never be in a URL. */
export async function download(path: string): Promise<Blob> {
  return (await authorized('GET', path, {})).blob();
}

function errorOfXhr(xhr: XMLHttpRequest): ApiError {
  let body: { code?: string; message?: string; details?: unknown } = {};
  try {
    body = JSON.parse(xhr.responseText) as typeof body;
  } catch {
    // Not JSON (a proxy's page, say): the status alone.
  }
  return new ApiError(
    xhr.status,
    body.code ?? 'HTTP_ERROR',
    body.message ?? `HTTP ${String(xhr.status)}`,
    body.details,
  );
}

/**
 * Sends one file as the multipart field `file`, reporting the share sent (0–1) as it goes. XMLHttpRequest, not
 * fetch: only it reports upload progress. Renews the token once on a 401 and sends the file again.
 */
export async function upload<T>(path: string, file: File, onProgress: (share: number) => void): Promise<T> {
  if (accessToken === null && !(await renew())) {
    signedOut();
    throw new ApiError(401, 'UNAUTHENTICATED', '请重新登录', undefined);
  }
  const send = () =>
    new Promise<XMLHttpRequest>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', pathWith(path));
      xhr.setRequestHeader('authorization', `Bearer ${accessToken ?? ''}`);
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.onload = () => {
        resolve(xhr);
      };
      xhr.onerror = () => {
        reject(new ApiError(0, 'NETWORK_ERROR', '网络错误，文件未上传', undefined));
      };
      const form = new FormData();
      form.append('file', file, file.name);
      xhr.send(form);
    });
  let xhr = await send();
  if (xhr.status === 401) {
    if (!(await renew())) {
      signedOut();
      throw errorOfXhr(xhr);
    }
    onProgress(0);
    xhr = await send();
  }
  if (xhr.status < 200 || xhr.status >= 300) throw errorOfXhr(xhr);
  onProgress(1);
  return JSON.parse(xhr.responseText) as T;
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query']) => request<T>('GET', path, { query }),
  post: <T>(path: string, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request<T>('POST', path, { ...options, body }),
};
