import { plainToInstance } from 'class-transformer';
import {
  IsEnum,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { IsConnectionUrl } from 'src/config/is-connection-url.validator';
import { IsBase64Key, IsKeyRing, parseKeyRing } from 'src/config/key-ring.validator';

export enum AppRole {
  Api = 'api',
  Worker = 'worker',
  All = 'all',
}

export enum NodeEnv {
  Development = 'development',
  Test = 'test',
  Production = 'production',
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

const LOG_FORMATS = ['auto', 'json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

/** Facts about the process that decide defaults but are not settings. */
export interface ProcessFacts {
  stdoutIsTty: boolean;
}

/**
 * Every setting the service reads from its environment, with its default.
 * docs/configuration.md and the README table are written from this class: keep them in step.
 */
export class EnvironmentVariables {
  @IsEnum(NodeEnv)
  NODE_ENV: NodeEnv = NodeEnv.Development;

  @IsEnum(AppRole)
  APP_ROLE: AppRole = AppRole.All;

  @IsString()
  @IsNotEmpty()
  HOST = '127.0.0.1';

  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsConnectionUrl(['postgres:', 'postgresql:'], { requireDatabase: true })
  DATABASE_URL = 'postgres://postgres@127.0.0.1:54329/grievance_desk';

  @IsInt()
  @Min(1)
  @Max(200)
  DATABASE_POOL_SIZE = 10;

  @IsConnectionUrl(['redis:', 'rediss:'], { requireDatabase: false })
  REDIS_URL = 'redis://127.0.0.1:63799';

  @IsString()
  @IsNotEmpty()
  QUEUE_PREFIX = 'gd';

  @IsInt()
  @Min(1)
  @Max(200)
  WORKER_CONCURRENCY = 10;

  @IsInt()
  @Min(1000)
  @Max(600000)
  SHUTDOWN_TIMEOUT_MS = 25000;

  @IsIn(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Empty: standard output. Otherwise a file path (tests use it to read what was logged). */
  @IsString()
  LOG_DESTINATION = '';

  /** Where `npm run build` puts the staff console (relative to the working directory). */
  @IsString()
  @IsNotEmpty()
  CONSOLE_DIR = 'dist/console';

  /** `auto`: coloured one-line logs for a person at a terminal outside production, JSON everywhere else. */
  @IsIn(LOG_FORMATS)
  LOG_FORMAT: LogFormat = 'auto';

  // Secrets have no defaults: `npm start` generates development ones into .local/dev-keys.env.
  @IsString({ message: 'JWT_SECRET must be set: at least 32 random characters' })
  @MinLength(32, { message: 'JWT_SECRET must be set: at least 32 random characters' })
  JWT_SECRET!: string;

  @IsString()
  @IsNotEmpty()
  JWT_ISSUER = 'grievance-desk';

  @IsString()
  @IsNotEmpty()
  JWT_AUDIENCE = 'grievance-desk-api';

  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  @IsInt()
  @Min(3600)
  @Max(90 * 24 * 3600)
  REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;

  @IsKeyRing()
  PII_KEYS!: string;

  @IsString({ message: 'PII_ACTIVE_KEY_ID must name one of the keys in PII_KEYS' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'PII_ACTIVE_KEY_ID must name one of the keys in PII_KEYS' })
  PII_ACTIVE_KEY_ID!: string;

  @IsBase64Key()
  PII_HMAC_KEY!: string;

  @IsInt()
  @Min(1)
  @Max(1000)
  LOGIN_MAX_FAILURES_PER_USERNAME = 5;

  /** `log` writes notifications to the log; `webhook` POSTs them to NOTIFY_WEBHOOK_URL (an SMS/e-mail gateway). */
  @IsIn(['log', 'webhook'])
  NOTIFY_PROVIDER: 'log' | 'webhook' = 'log';

  @ValidateIf((o: EnvironmentVariables) => o.NOTIFY_PROVIDER === 'webhook')
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'NOTIFY_WEBHOOK_URL must be an http(s) URL when NOTIFY_PROVIDER=webhook' },
  )
  NOTIFY_WEBHOOK_URL = '';

  /** How long a worker's claim on a job lasts; a killed worker's jobs are retried after it. */
  @IsInt()
  @Min(1000)
  @Max(600000)
  WORKER_LOCK_DURATION_MS = 30000;

  /**
   * How often a worker checks, on a timer of its own, that the recurring jobs' schedulers still exist in Redis
   * (a FLUSHALL, a restart without persistence or a failover to an empty replica deletes them) and re-creates them.
   */
  @IsInt()
  @Min(1)
  @Max(300)
  SCHEDULER_CHECK_SECONDS = 10;

  /**
   * How far ahead SLA clocks get their BullMQ jobs. Clocks due later are armed by the minute reconciler once they
   * come this close, so Redis holds the next few minutes' deadlines instead of every running clock's.
   */
  @IsInt()
  @Min(180)
  @Max(400 * 24 * 3600)
  SLA_ARM_HORIZON_SECONDS = 600;

  /** Where evidence files are kept (local-disk storage). */
  @IsString()
  @IsNotEmpty()
  STORAGE_DIR = '.local/files';

  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;

  /** Most rows a synchronous export streams; larger lists are exported in the background (POST /exports). */
  @IsInt()
  @Min(1)
  @Max(100000)
  EXPORT_SYNC_MAX_ROWS = 10000;

  /** Most rows of any export. */
  @IsInt()
  @Min(1)
  @Max(10000000)
  EXPORT_MAX_ROWS = 1000000;

  /** How long a background export's file is kept. */
  @IsInt()
  @Min(1)
  @Max(90 * 24)
  EXPORT_TTL_HOURS = 7 * 24;

  @IsInt()
  @Min(1)
  @Max(100000)
  LOGIN_MAX_ATTEMPTS_PER_IP = 60;

  @IsInt()
  @Min(10)
  @Max(86400)
  LOGIN_WINDOW_SECONDS = 900;
}

export interface AppConfig {
  env: NodeEnv;
  role: AppRole;
  http: { host: string; port: number };
  database: { url: string; poolSize: number };
  redis: { url: string };
  queue: { prefix: string; concurrency: number; lockDurationMs: number; schedulerCheckMs: number };
  sla: { armHorizonMs: number };
  notify: { provider: 'log' | 'webhook'; webhookUrl: string };
  shutdownTimeoutMs: number;
  log: { level: LogLevel; destination: string; pretty: boolean; colour: boolean };
  auth: {
    jwtSecret: string;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
    refreshTtlSeconds: number;
    loginMaxFailuresPerUsername: number;
    loginMaxAttemptsPerIp: number;
    loginWindowSeconds: number;
  };
  pii: { activeKeyId: string; keys: Record<string, Buffer>; hmacKey: Buffer };
  storage: { dir: string; maxAttachmentBytes: number };
  console: { dir: string };
  exports: { syncMaxRows: number; maxRows: number; ttlHours: number };
}

const SECRET_NAMES = ['JWT_SECRET', 'PII_KEYS', 'PII_ACTIVE_KEY_ID', 'PII_HMAC_KEY'];
/** Every setting name, including secrets, which have no default and so are not own keys of a fresh instance. */
export const SETTING_NAMES: string[] = [...Object.keys(new EnvironmentVariables()), ...SECRET_NAMES];

/** Injection token for the one typed configuration object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const NUMERIC_KEYS = new Set([
  'PORT',
  'DATABASE_POOL_SIZE',
  'WORKER_CONCURRENCY',
  'SHUTDOWN_TIMEOUT_MS',
  'ACCESS_TOKEN_TTL_SECONDS',
  'REFRESH_TOKEN_TTL_SECONDS',
  'LOGIN_MAX_FAILURES_PER_USERNAME',
  'LOGIN_MAX_ATTEMPTS_PER_IP',
  'LOGIN_WINDOW_SECONDS',
  'ATTACHMENT_MAX_BYTES',
  'WORKER_LOCK_DURATION_MS',
  'SCHEDULER_CHECK_SECONDS',
  'SLA_ARM_HORIZON_SECONDS',
  'EXPORT_SYNC_MAX_ROWS',
  'EXPORT_MAX_ROWS',
  'EXPORT_TTL_HOURS',
]);

function coerce(key: string, raw: string): unknown {
  // Explicit coercion: "12abc" must fail validation, not become 12.
  if (NUMERIC_KEYS.has(key)) return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  return raw;
}

function prettyLogs(vars: EnvironmentVariables, facts: ProcessFacts): boolean {
  if (vars.LOG_FORMAT !== 'auto') return vars.LOG_FORMAT === 'pretty';
  // Machines read production logs and anything piped or written to a file; only a terminal gets colours.
  // `isTTY` is undefined, not false, on a pipe, whatever its type says.
  return (
    vars.NODE_ENV !== NodeEnv.Production &&
    vars.LOG_DESTINATION === '' &&
    (facts.stdoutIsTty as boolean | undefined) === true
  );
}

/** Reads, coerces and validates the environment once; throws ConfigError with a one-line message naming bad settings. */
export function loadConfig(
  env: Record<string, string | undefined>,
  facts: ProcessFacts = { stdoutIsTty: false },
): AppConfig {
  const plain: Record<string, unknown> = {};
  for (const key of SETTING_NAMES) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') plain[key] = coerce(key, raw);
  }
  const vars = plainToInstance(EnvironmentVariables, plain, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) {
    const reasons = errors.map((e) => Object.values(e.constraints ?? {}).join(', '));
    throw new ConfigError(`Invalid configuration: ${reasons.join('; ')}`);
  }
  const keys = parseKeyRing(vars.PII_KEYS);
  if (!(vars.PII_ACTIVE_KEY_ID in keys)) {
    throw new ConfigError('Invalid configuration: PII_ACTIVE_KEY_ID must name one of the keys in PII_KEYS');
  }
  return {
    env: vars.NODE_ENV,
    role: vars.APP_ROLE,
    http: { host: vars.HOST, port: vars.PORT },
    database: { url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE },
    redis: { url: vars.REDIS_URL },
    queue: {
      prefix: vars.QUEUE_PREFIX,
      concurrency: vars.WORKER_CONCURRENCY,
      lockDurationMs: vars.WORKER_LOCK_DURATION_MS,
      schedulerCheckMs: vars.SCHEDULER_CHECK_SECONDS * 1000,
    },
    sla: { armHorizonMs: vars.SLA_ARM_HORIZON_SECONDS * 1000 },
    notify: { provider: vars.NOTIFY_PROVIDER, webhookUrl: vars.NOTIFY_WEBHOOK_URL },
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    log: {
      level: vars.LOG_LEVEL,
      destination: vars.LOG_DESTINATION,
      pretty: prettyLogs(vars, facts),
      colour: vars.LOG_DESTINATION === '' && (facts.stdoutIsTty as boolean | undefined) === true,
    },
    auth: {
      jwtSecret: vars.JWT_SECRET,
      issuer: vars.JWT_ISSUER,
      audience: vars.JWT_AUDIENCE,
      accessTtlSeconds: vars.ACCESS_TOKEN_TTL_SECONDS,
      refreshTtlSeconds: vars.REFRESH_TOKEN_TTL_SECONDS,
      loginMaxFailuresPerUsername: vars.LOGIN_MAX_FAILURES_PER_USERNAME,
      loginMaxAttemptsPerIp: vars.LOGIN_MAX_ATTEMPTS_PER_IP,
      loginWindowSeconds: vars.LOGIN_WINDOW_SECONDS,
    },
    pii: { activeKeyId: vars.PII_ACTIVE_KEY_ID, keys, hmacKey: Buffer.from(vars.PII_HMAC_KEY, 'base64') },
    storage: { dir: vars.STORAGE_DIR, maxAttachmentBytes: vars.ATTACHMENT_MAX_BYTES },
    console: { dir: vars.CONSOLE_DIR },
    exports: { syncMaxRows: vars.EXPORT_SYNC_MAX_ROWS, maxRows: vars.EXPORT_MAX_ROWS, ttlHours: vars.EXPORT_TTL_HOURS },
  };
}
