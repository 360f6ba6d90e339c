import { PREPARE, preparedName } from 'src/database/preparing-client';

describe('preparedName', () => {
  const insert = 'INSERT INTO call (id, summary) VALUES ($1, $2) RETURNING id';

  it('names inserts and statements marked as hot, the same text always the same name', () => {
    const name = preparedName(insert, 2);
    expect(name).toMatch(/^gd_[A-Za-z0-9_-]{24}$/);
    expect(preparedName(insert, 2)).toBe(name);
    expect(preparedName(`  ${PREPARE} SELECT id FROM app_user WHERE id = $1`, 1)).toMatch(/^gd_/);
    expect(preparedName('insert into x values ($1)', 1)).toMatch(/^gd_/);
  });

  it('gives different statements different names', () => {
    expect(preparedName(insert, 2)).not.toBe(preparedName(`${insert}, summary`, 2));
  });

  it('leaves unmarked reads, statements without parameters and huge batches unnamed', () => {
    // A generic plan for an optional filter would ignore the values it is run with.
    expect(preparedName('SELECT * FROM "case" WHERE ($1::text IS NULL OR number = $1)', 1)).toBeUndefined();
    expect(preparedName('WITH x AS (INSERT INTO t VALUES ($1)) SELECT 1', 1)).toBeUndefined();
    expect(preparedName('INSERT INTO t DEFAULT VALUES', 0)).toBeUndefined();
    expect(preparedName(insert, 101)).toBeUndefined();
  });
});
