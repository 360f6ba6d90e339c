import { ValidationError } from 'class-validator';
import { toFieldErrors, nulFields } from 'src/common/errors/validation';

function error(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, constraints, children });
}

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths with every reason', () => {
    const errors = [
      error('summary', { isString: 'summary must be a string', maxLength: 'summary is too long' }),
      error('claims', undefined, [error('0', undefined, [error('amount', { isMoney: 'amount must be yuan' })])]),
    ];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'summary', reasons: ['summary must be a string', 'summary is too long'] },
      { field: 'claims.0.amount', reasons: ['amount must be yuan'] },
    ]);
  });
});

describe('nulFields', () => {
  it('names every string holding a NUL character, nested and in arrays', () => {
    expect(nulFields({ a: 'ok', case: { narrative: 'x\u0000y', claims: [{ note: '' }, { note: '\u0000' }] } })).toEqual(
      ['case.narrative', 'case.claims.1.note'],
    );
    expect(nulFields({ name: '王小明', n: 3, list: ['a'] })).toEqual([]);
  });
});
