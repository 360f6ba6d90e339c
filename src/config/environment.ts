import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where `scripts/services.sh up` writes generated development secrets. */
export function devKeysFile(cwd = process.cwd()): string {
  return join(process.env.GD_LOCAL_DIR ?? join(cwd, '.local'), 'dev-keys.env');
}

function parseEnvFile(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const match = /^\s*([A-Z0-9_]+)\s*=\s*(.*)\s*$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) values[match[1]] = match[2];
  }
  return values;
}

/**
 * The process environment, over generated development keys when not in production. Production never reads the
 * file: there, missing keys stop the process.
 */
export function readEnvironment(): Record<string, string | undefined> {
  if (process.env.NODE_ENV === 'production') return process.env;
  const file = devKeysFile();
  const devKeys = existsSync(file) ? parseEnvFile(readFileSync(file, 'utf8')) : {};
  return { ...devKeys, ...process.env };
}
