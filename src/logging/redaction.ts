/**
 * Personal data and secrets must never reach a log line. pino's redact paths match one level per wildcard,
 * so each sensitive key is listed at every depth our log objects reach.
 */
const SENSITIVE_KEYS = [
  'phone',
  'idNumber',
  'password',
  'passwordHash',
  'accessToken',
  'refreshToken',
  'authorization',
  'cookie',
];
const NAME_HOLDERS = ['party', 'worker', 'caller', 'parties'];
const DEPTH = 4;

function atEveryDepth(path: string): string[] {
  return Array.from({ length: DEPTH }, (_, depth) => [...Array<string>(depth).fill('*'), path].join('.'));
}

export const REDACT_PATHS: string[] = [
  ...SENSITIVE_KEYS.flatMap(atEveryDepth),
  ...NAME_HOLDERS.flatMap((holder) => atEveryDepth(`${holder}.name`)),
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
];
