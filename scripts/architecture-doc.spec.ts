import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const folders = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** docs/architecture.md's module table, kept true: one row per folder of src/ and of src/common/. */
describe('docs/architecture.md', () => {
  const doc = readFileSync(join(ROOT, 'docs', 'architecture.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z0-9/-]+)\/` +\|/gm)].map((m) => m[1] ?? '');

  it('has a row for every folder of src/ and src/common/, and none for a folder that is gone', () => {
    const expected = [
      ...folders('src').filter((name) => name !== 'common'),
      ...folders('src/common').map((name) => `common/${name}`),
    ].sort();
    expect([...rows].sort()).toEqual(expected);
  });
});
