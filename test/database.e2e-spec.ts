import { randomUUID } from 'node:crypto';
import { DbContext } from 'src/database/db-context';
import { UserRepository } from 'src/users/user.repository';
import { createTestApp, TestApp } from 'test/helpers/test-app';

describe('prepared statements on the pool', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t.close();
  });

  it('the hot lookup is a named prepared statement on its connection; an ordinary query is not', async () => {
    const db = t.app.get(DbContext);
    // One transaction, so every statement runs on one connection and pg_prepared_statements is that session's.
    const statements = await db.transaction(async () => {
      expect(await t.app.get(UserRepository).findActivePrincipal(randomUUID(), randomUUID())).toBeUndefined();
      await db.manager.query('SELECT $1::int AS answer', [42]);
      return db.manager.query<{ name: string; statement: string }[]>(
        'SELECT name, statement FROM pg_prepared_statements',
      );
    });
    const lookup = statements.find((s) => s.statement.includes('FROM app_user u'));
    expect(lookup?.name).toMatch(/^gd_/);
    expect(statements.some((s) => s.statement.includes('AS answer'))).toBe(false);
  });
});
