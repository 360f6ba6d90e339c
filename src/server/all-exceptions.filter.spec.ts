import { QueryFailedError } from 'typeorm';
import { errorBodyFor, loggableError } from 'src/server/all-exceptions.filter';

const dbError = (code: string) =>
  new QueryFailedError(
    'INSERT …',
    [],
    Object.assign(new Error('duplicate key'), { code, detail: 'Key (username)=(wang) exists' }),
  );

describe('database races in the error body', () => {
  it('answers a unique violation lost to a concurrent insert with 409, without the conflicting value', () => {
    const body = errorBodyFor(dbError('23505'), 'c-1');
    expect(body).toMatchObject({ statusCode: 409, code: 'CONFLICT', correlationId: 'c-1' });
    expect(JSON.stringify(body)).not.toContain('wang');
  });

  it('answers deadlocks and serialization failures with 409, other database errors with 500', () => {
    expect(errorBodyFor(dbError('40P01'), 'c').statusCode).toBe(409);
    expect(errorBodyFor(dbError('40001'), 'c').statusCode).toBe(409);
    expect(errorBodyFor(dbError('42P01'), 'c')).toMatchObject({ statusCode: 500, code: 'INTERNAL_ERROR' });
  });
});

describe('what an unexpected error logs', () => {
  it('keeps the database error code and place but never the parameters, detail or quoted values', () => {
    const error = new QueryFailedError(
      'INSERT INTO party (name, phone_index) VALUES ($1, $2)',
      ['王小明', '13912345678'],
      Object.assign(new Error('invalid input syntax for type uuid: "13912345678"'), {
        code: '22P02',
        table: 'party',
        detail: 'Key (phone)=(13912345678)',
      }),
    );
    const logged = JSON.stringify(loggableError(error));
    expect(logged).not.toContain('13912345678');
    expect(logged).not.toContain('王小明');
    expect(loggableError(error)).toMatchObject({ type: 'QueryFailedError', code: '22P02', table: 'party' });
  });
});
