import { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHttpApp, createWorkerContext } from 'src/app.factory';
import { AppConfig, AppRole, loadConfig } from 'src/config/app-config';
import { deleteQueueKeys } from 'src/queue/redis-connection';
import { HttpClient } from 'test/helpers/http-client';
import { createTestDatabase, TestDatabase } from 'test/helpers/test-database';
import { TEST_KEYS, TEST_REDIS_URL } from 'test/setup/test-env';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  db: TestDatabase;
  http: HttpClient;
  /** Starts an extra worker process-equivalent on the same database and queues. */
  startWorker(): Promise<INestApplicationContext>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  role?: AppRole;
  env?: Record<string, string>;
}

/**
 * Boots the real application (Fastify, PostgreSQL, Redis) on a fresh database and a private queue prefix,
 * listening on a random loopback port.
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const db = await createTestDatabase();
  const storageDir = mkdtempSync(join(tmpdir(), 'gd-files-'));
  const config = loadConfig({
    ...TEST_KEYS,
    NODE_ENV: 'test',
    APP_ROLE: options.role ?? AppRole.All,
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '5',
    REDIS_URL: TEST_REDIS_URL,
    QUEUE_PREFIX: `gdt_${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    STORAGE_DIR: storageDir,
    // A checkout building its console elsewhere (two builds into one dist/ would swap files under a browser test).
    ...(process.env.CONSOLE_DIR === undefined ? {} : { CONSOLE_DIR: process.env.CONSOLE_DIR }),
    ...options.env,
  });
  const extraWorkers: INestApplicationContext[] = [];
  let app: NestFastifyApplication;
  try {
    app = await createHttpApp(config);
    await app.listen(0, '127.0.0.1');
  } catch (error) {
    await db.drop();
    throw error;
  }
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    app,
    config,
    db,
    http: new HttpClient(`http://127.0.0.1:${port}`),
    async startWorker() {
      const worker = await createWorkerContext({ ...config, role: AppRole.Worker });
      extraWorkers.push(worker);
      return worker;
    },
    async close() {
      for (const worker of extraWorkers) await worker.close();
      await app.close();
      await deleteQueueKeys(config.redis.url, config.queue.prefix);
      await db.drop();
      rmSync(storageDir, { recursive: true, force: true });
    },
  };
}

/** Polls until the check passes or the time runs out; for effects that happen in another process. */
export async function eventually<T>(check: () => Promise<T | undefined>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
