import { plainToInstance } from 'class-transformer';
import { IsBoolean, IsEnum, IsIn, IsInt, IsNotEmpty, IsString, Max, Min, validateSync } from 'class-validator';
import { IsConnectionUrl } from 'src/config/is-connection-url.validator';

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

  @IsBoolean()
  LOG_PRETTY = false;
}

export interface AppConfig {
  env: NodeEnv;
  role: AppRole;
  http: { host: string; port: number };
  database: { url: string; poolSize: number };
  redis: { url: string };
  queue: { prefix: string; concurrency: number };
  shutdownTimeoutMs: number;
  log: { level: LogLevel; pretty: boolean };
}

/** Injection token for the one typed configuration object. */
export const APP_CONFIG = Symbol('APP_CONFIG');

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const NUMERIC_KEYS = new Set(['PORT', 'DATABASE_POOL_SIZE', 'WORKER_CONCURRENCY', 'SHUTDOWN_TIMEOUT_MS']);
const BOOLEAN_KEYS = new Set(['LOG_PRETTY']);

function coerce(key: string, raw: string): unknown {
  // Explicit coercion: "12abc" must fail validation, not become 12.
  if (NUMERIC_KEYS.has(key)) return /^-?\d+$/.test(raw.trim()) ? Number(raw) : raw;
  if (BOOLEAN_KEYS.has(key)) return raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : raw;
  return raw;
}

/** Reads, coerces and validates the environment once; throws ConfigError with a one-line message naming bad settings. */
export function loadConfig(env: Record<string, string | undefined>): AppConfig {
  const defaults = new EnvironmentVariables();
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    const raw = env[key];
    if (raw !== undefined && raw !== '') plain[key] = coerce(key, raw);
  }
  const vars = plainToInstance(EnvironmentVariables, plain, { exposeDefaultValues: true });
  const errors = validateSync(vars, { whitelist: true, forbidUnknownValues: true, stopAtFirstError: true });
  if (errors.length > 0) {
    const reasons = errors.map((e) => Object.values(e.constraints ?? {}).join(', '));
    throw new ConfigError(`Invalid configuration: ${reasons.join('; ')}`);
  }
  return {
    env: vars.NODE_ENV,
    role: vars.APP_ROLE,
    http: { host: vars.HOST, port: vars.PORT },
    database: { url: vars.DATABASE_URL, poolSize: vars.DATABASE_POOL_SIZE },
    redis: { url: vars.REDIS_URL },
    queue: { prefix: vars.QUEUE_PREFIX, concurrency: vars.WORKER_CONCURRENCY },
    shutdownTimeoutMs: vars.SHUTDOWN_TIMEOUT_MS,
    log: { level: vars.LOG_LEVEL, pretty: vars.LOG_PRETTY },
  };
}
