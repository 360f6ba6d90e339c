/** Where the board lives; its session cookie is confined to this path. */
export const QUEUE_BOARD_PATH = '/admin/queues';

export const BOARD_COOKIE = 'gd_queue_board';

export interface BoardCookieOptions {
  maxAgeSeconds: number;
  /** Only over HTTPS (production); a development server on http://localhost must still get it. */
  secure: boolean;
}

/**
 * The Set-Cookie value that carries an access token to the board. HttpOnly: page scripts cannot read it.
 * SameSite=Strict: another site cannot make the browser send it, so the board's write routes need no CSRF token.
 */
export function boardCookie(token: string, options: BoardCookieOptions): string {
  return [
    `${BOARD_COOKIE}=${token}`,
    `Path=${QUEUE_BOARD_PATH}`,
    `Max-Age=${String(options.maxAgeSeconds)}`,
    'HttpOnly',
    'SameSite=Strict',
    ...(options.secure ? ['Secure'] : []),
  ].join('; ');
}

export function clearedBoardCookie(secure: boolean): string {
  return boardCookie('', { maxAgeSeconds: 0, secure });
}

/** The board token from a Cookie header (the first one if the browser sent several). */
export function boardTokenFromCookies(header: string | undefined): string | undefined {
  for (const pair of header?.split(';') ?? []) {
    const separator = pair.indexOf('=');
    if (separator < 0 || pair.slice(0, separator).trim() !== BOARD_COOKIE) continue;
    const value = pair.slice(separator + 1).trim();
    return value === '' ? undefined : value;
  }
  return undefined;
}
