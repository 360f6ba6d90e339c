import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { eventually } from 'test/helpers/test-app';
import { createTestDatabase, TestDatabase } from 'test/helpers/test-database';
import { TEST_KEYS, TEST_REDIS_URL } from 'test/setup/test-env';

const ROOT = join(__dirname, '..');

interface Run {
  child: ChildProcess;
  exit: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** Runs src/main.ts as a real process, the way `npm start` runs the built one. */
function runMain(env: Record<string, string>): Run {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      NODE_PATH: ROOT,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...TEST_KEYS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    child.on('exit', (code) => {
      resolve({ code, stdout, stderr });
    });
  });
  return { child, exit };
}

describe('the service process', () => {
  it('refuses to start with a malformed DATABASE_URL, naming the setting in one line', async () => {
    const { exit } = runMain({ DATABASE_URL: 'postgres//nohost', REDIS_URL: TEST_REDIS_URL });
    const result = await exit;
    expect(result.code).toBe(78);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Invalid configuration: DATABASE_URL must be a URL like postgres:/);
    expect(result.stdout).not.toContain('listening');
  });

  it('refuses to start in production without keys configured', async () => {
    const result = await runMain({ JWT_SECRET: '', PII_KEYS: '', PII_HMAC_KEY: '' }).exit;
    expect(result.code).toBe(78);
    expect(result.stderr).toMatch(/^Invalid configuration: .*JWT_SECRET.*PII_KEYS.*PII_HMAC_KEY/);
  });

  it('refuses to start with an unknown APP_ROLE', async () => {
    const result = await runMain({ APP_ROLE: 'scheduler' }).exit;
    expect(result.code).toBe(78);
    expect(result.stderr).toContain('APP_ROLE must be one of the following values: api, worker, all');
  });

  describe('running', () => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase();
    });
    afterAll(async () => {
      await db.drop();
    });

    it('becomes ready, then drains and exits 0 on SIGTERM', async () => {
      const port = String(20000 + Math.floor(Math.random() * 20000));
      const run = runMain({ DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, PORT: port, QUEUE_PREFIX: 'gdt_proc' });
      await eventually(async () => {
        const res = await fetch(`http://127.0.0.1:${port}/health/ready`).catch(() => undefined);
        return res?.status === 200 ? true : undefined;
      }, 30000);
      run.child.kill('SIGTERM');
      const result = await run.exit;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('workers drained');
      expect(result.stdout).toContain('stopped cleanly');
    });
  });
});
