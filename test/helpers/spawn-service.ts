import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { TEST_KEYS } from 'test/setup/test-env';

const ROOT = join(__dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** Runs src/main.ts as its own process (as `npm start` runs the build), e.g. a worker a test can kill. */
export function spawnService(env: Record<string, string>): ServiceProcess {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', NODE_PATH: ROOT, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...TEST_KEYS, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      resolve(code);
    });
  });
  return { child, output: () => output, exited };
}
