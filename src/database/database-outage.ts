import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Pool } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';

/** Socket-level failures: the server is not there (stopped, restarting, network gone). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
/** SQLSTATEs of a server going away or not yet back: admin/crash shutdown, "cannot connect now" (starting up). */
const SERVER_GONE_STATES = new Set(['57P01', '57P02', '57P03']);
/** What node-postgres says, without a code, when a connection dies under it or cannot be made in time. */
const DRIVER_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Client was closed/i;

/**
 * Whether an error means "the database cannot be reached right now" (retry later) rather than a fault of the
 * request or the code. TypeORM wraps query errors (QueryFailedError.driverError); pool errors come as they are.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const inner = error instanceof QueryFailedError ? (error.driverError as unknown) : error;
  // Shape, not `instanceof Error`: socket errors are made by Node's core, which can be another realm's Error.
  if (typeof inner !== 'object' || inner === null) return false;
  const { code, message } = inner as { code?: unknown; message?: unknown };
  if (typeof code === 'string') {
    if (NETWORK_CODES.has(code) || SERVER_GONE_STATES.has(code) || code.startsWith('08')) return true;
  }
  return typeof message === 'string' && DRIVER_MESSAGES.test(message);
}

/**
 * Tells the log once per outage that the database is unreachable, and once when it is back, instead of one error
 * per refused request. "Back" is the pool opening a new connection: after an outage every old one is gone.
 */
@Injectable()
export class DatabaseOutage implements OnModuleInit {
  private readonly logger = new Logger('Database');
  private since: number | undefined;
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
    this.refused += 1;
    if (this.since !== undefined) return;
    this.since = Date.now();
    const code =
      (error as { code?: unknown }).code ?? (error as { driverError?: { code?: unknown } }).driverError?.code;
    this.logger.error(
      `database unreachable (${typeof code === 'string' ? code : 'connection lost'}): requests answer 503 DATABASE_UNAVAILABLE until it is back`,
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
