/**
 * Does package-lock.json describe exactly what package.json asks for, completely? `npm ci` refuses a lock that
 * disagrees with package.json; this check says so earlier (in `npm run check`), and also catches a lock that is
 * merely incomplete: a package whose dependency or optional dependency (another platform's binary) has no entry.
 * Such a lock installs here but makes `npm install` rewrite it, and `npm ci` on another registry snapshot fail.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type Deps = Record<string, string> | undefined;

interface Manifest {
  name?: string;
  dependencies?: Deps;
  devDependencies?: Deps;
  optionalDependencies?: Deps;
  peerDependencies?: Deps;
}

interface LockEntry extends Manifest {
  version?: string;
  link?: boolean;
}

export interface Lock {
  lockfileVersion?: number;
  packages?: Record<string, LockEntry>;
}

const SECTIONS = ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const;

function sameDeps(a: Deps, b: Deps): string[] {
  const left = a ?? {};
  const right = b ?? {};
  const names = new Set([...Object.keys(left), ...Object.keys(right)]);
  return [...names].filter((name) => left[name] !== right[name]);
}

/** Where Node would find `name` from the package installed at `from` (a lock key such as `node_modules/a`). */
function resolves(packages: Record<string, LockEntry>, from: string, name: string): boolean {
  let base = from;
  for (;;) {
    if (packages[`${base === '' ? '' : `${base}/`}node_modules/${name}`] !== undefined) return true;
    if (base === '') return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

/** Every disagreement between the manifest and the lock, as one line each; empty when they agree. */
export function lockProblems(manifest: Manifest, lock: Lock): string[] {
  const problems: string[] = [];
  if ((lock.lockfileVersion ?? 0) < 2 || lock.packages === undefined) {
    return ['package-lock.json has no "packages" section (lockfileVersion 2 or 3 is required)'];
  }
  const packages = lock.packages;
  const root = packages[''];
  if (root === undefined) return ['package-lock.json has no root package entry'];
  for (const section of SECTIONS) {
    for (const name of sameDeps(manifest[section], root[section])) {
      problems.push(
        `${section}.${name}: package.json asks for ${manifest[section]?.[name] ?? 'nothing'}, ` +
          `package-lock.json records ${root[section]?.[name] ?? 'nothing'}`,
      );
    }
  }
  for (const [path, entry] of Object.entries(packages)) {
    if (path === '' || entry.link === true) continue;
    for (const section of ['dependencies', 'optionalDependencies'] as const) {
      for (const name of Object.keys(entry[section] ?? {})) {
        if (!resolves(packages, path, name)) problems.push(`${path} needs ${name} (${section}), which has no entry`);
      }
    }
  }
  return problems;
}

function main(): void {
  const root = join(__dirname, '..');
  const read = (file: string): unknown => JSON.parse(readFileSync(join(root, file), 'utf8'));
  const problems = lockProblems(read('package.json') as Manifest, read('package-lock.json') as Lock);
  if (problems.length === 0) return;
  process.stderr.write(
    `[lock] package-lock.json does not match package.json (${problems.length} problems):\n` +
      problems
        .slice(0, 20)
        .map((line) => `  - ${line}\n`)
        .join('') +
      "[lock] fix: run 'npm install' once (it rewrites the lock completely) and commit package-lock.json\n",
  );
  process.exitCode = 1;
}

if (require.main === module) main();
