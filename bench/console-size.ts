import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What each console page makes the browser download before it can run: the entry chunk, the page's own chunk and
 * every chunk either imports statically, from the Vite manifest of the build in CONSOLE_DIR (dist/console).
 * `npm run bench:console-size` after `npm run build:console`; the target (first page under 500 kB gzipped) and the
 * figures are in docs/performance.md.
 */
interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  css?: string[];
}

const ROOT = join(__dirname, '..');
const DIR = process.env.CONSOLE_DIR ?? join(ROOT, 'dist', 'console');
const manifest = JSON.parse(readFileSync(join(DIR, '.vite', 'manifest.json'), 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(DIR, file)), { level: 9 }).length;

function closure(key: string, seen: Set<string> = new Set()): Set<string> {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const next of manifest[key]?.imports ?? []) closure(next, seen);
  return seen;
}

const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry === true);
if (entry === undefined) throw new Error(`no entry chunk in ${DIR}/.vite/manifest.json`);
const pages = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry === true && key.includes('pages/'));
const rows = pages.map((page) => {
  const chunks = new Set([...closure(entry), ...closure(page)]);
  const js = [...chunks].map((key) => manifest[key]?.file ?? '').filter((file) => file.endsWith('.js'));
  const css = [...chunks].flatMap((key) => manifest[key]?.css ?? []);
  const sum = (files: string[]) => Math.round(files.reduce((total, file) => total + gz(file), 0) / 1024);
  return { page: page.replace(/^.*pages\//, ''), jsKiB: sum(js), cssKiB: sum(css), chunks: js.length };
});
rows.sort((a, b) => b.jsKiB - a.jsKiB);
for (const row of rows) {
  process.stdout.write(`${row.page.padEnd(22)} js ${String(row.jsKiB).padStart(4)} KiB gz  css ${row.cssKiB} KiB gz\n`);
}
mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
writeFileSync(join(ROOT, 'bench', 'results', 'console-size.json'), `${JSON.stringify(rows, null, 2)}\n`);
