import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

/** Socket-level failures: the server is not there (stopped, restarting, network gone). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/**
 * SQLSTATEs that mean "not now" rather than "wrong": connection exceptions (class 08, but not 08P01, a protocol
 * violation, which is a bug), admin/crash shutdown and "cannot connect now" (57P01–03), too many connections
 * (53300), and a read-only server (25006: writes reached a standby during a failover).
 */
const NOT_NOW_STATES = new Set([
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '25006',
]);
/**
 * What node-postgres says, without a code, when a connection dies under it, cannot be made in time (the server is
 * gone, or every pooled connection is busy: both mean "retry shortly"), or the pool is closing.
 */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Cannot use a pool after calling end/i;
/** After this long with no refusal, the next one is a new outage and is logged again. */
const QUIET_MS = 30000;

/**
 * Whether an error means "the database cannot be reached right now" (retry later) rather than a fault of the
 * request or the code. TypeORM wraps query errors (QueryFailedError.driverError); pool errors come as they are.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const inner = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Shape, not `instanceof Error`: socket errors are made by Node's core, which can be another realm's Error.
  if (typeof inner !== 'object' || inner === null) return false;
  const { code, message } = inner as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || NOT_NOW_STATES.has(code))) return true;
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

/**
 * Tells the log once per outage that the database is unreachable, and once when it is back, instead of one error
 * per refused request. "Back" is the pool opening a new connection (after an outage every old one is gone), or
 * quiet: a saturated pool opens none.
 */
@Injectable()
export class DatabaseOutage implements OnModuleInit {
  private readonly logger = new Logger('Database');
  private since: number | undefined;
  private lastRefusal = 0;
  private refused = 0;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    const pool = (this.dataSource.driver as unknown as { master?: Pool }).master;
    pool?.on('connect', () => {
      this.recovered();
    });
  }

  /** Records one request refused because the database is unreachable. */
  noteRefused(error: unknown): void {
    const now = Date.now();
    if (this.since !== undefined && now - this.lastRefusal > QUIET_MS) this.recovered();
    this.lastRefusal = now;
    this.refused += 1;
    if (this.since !== undefined) return;
    this.since = now;
    const code =
      (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
    this.logger.error(
      `database unreachable or saturated (${typeof code === 'string' ? code : 'connection lost'}): requests answer 503 DATABASE_UNAVAILABLE until it is back`,
    );
  }

  private recovered(): void {
    if (this.since === undefined) return;
    const seconds = ((Date.now() - this.since) / 1000).toFixed(1);
    this.logger.warn(`database reachable again after ${seconds} s; ${String(this.refused)} request(s) answered 503`);
    this.since = undefined;
    this.refused = 0;
  }
}
