import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Lock, lockProblems } from 'scripts/lock-check';

const read = (file: string): unknown => JSON.parse(readFileSync(join(__dirname, '..', file), 'utf8'));

describe('lockProblems', () => {
  const manifest = { dependencies: { a: '1.0.0' }, devDependencies: { b: '2.0.0' } };
  const lock = (): Lock => ({
    lockfileVersion: 3,
    packages: {
      '': { dependencies: { a: '1.0.0' }, devDependencies: { b: '2.0.0' } },
      'node_modules/a': { version: '1.0.0', optionalDependencies: { 'a-linux': '1.0.0' } },
      'node_modules/a-linux': { version: '1.0.0' },
      'node_modules/b': { version: '2.0.0', dependencies: { c: '^3' } },
      'node_modules/b/node_modules/c': { version: '3.1.0' },
    },
  });

  it('accepts the committed lock file', () => {
    expect(lockProblems(read('package.json') as object, read('package-lock.json') as Lock)).toEqual([]);
  });

  it('accepts a complete lock that matches, with nested resolution', () => {
    expect(lockProblems(manifest, lock())).toEqual([]);
  });

  it('names a dependency changed in package.json but not in the lock', () => {
    expect(lockProblems({ ...manifest, dependencies: { a: '1.1.0' } }, lock())).toEqual([
      'dependencies.a: package.json asks for 1.1.0, package-lock.json records 1.0.0',
    ]);
  });

  it('names a dependency added to package.json only', () => {
    const problems = lockProblems({ ...manifest, devDependencies: { b: '2.0.0', d: '1.0.0' } }, lock());
    expect(problems).toEqual(['devDependencies.d: package.json asks for 1.0.0, package-lock.json records nothing']);
  });

  it('names another platform’s optional binary missing from the lock', () => {
    const incomplete = lock();
    delete incomplete.packages?.['node_modules/a-linux'];
    expect(lockProblems(manifest, incomplete)).toEqual([
      'node_modules/a needs a-linux (optionalDependencies), which has no entry',
    ]);
  });

  it('refuses a lock without a packages section', () => {
    expect(lockProblems(manifest, { lockfileVersion: 1 })).toHaveLength(1);
  });
});
