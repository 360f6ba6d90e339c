import fc from 'fast-check';
import { fenToYuan, isYuanString, yuanToFen } from 'src/common/money/money';

describe('money', () => {
  it.each([
    ['0', 0n],
    ['0.5', 50n],
    ['12345.67', 1234567n],
    ['100', 10000n],
    ['999999999999.99', 99999999999999n],
  ])('yuanToFen(%s) = %s', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen);
  });

  it.each(['', ' 1', '1 ', '-1', '+1', '1e5', '1.234', '01', '.5', '5.', '1,000', '12.3.4', 'NaN', '1000000000000'])(
    'rejects %j',
    (value) => {
      expect(isYuanString(value)).toBe(false);
      expect(() => yuanToFen(value)).toThrow();
    },
  );

  it('rejects non-strings, including numbers', () => {
    expect(isYuanString(12.5)).toBe(false);
    expect(isYuanString(null)).toBe(false);
  });

  it('formats fen with two decimals and a sign', () => {
    expect(fenToYuan(5n)).toBe('0.05');
    expect(fenToYuan('-1234567')).toBe('-12345.67');
    expect(fenToYuan(0)).toBe('0.00');
  });

  it('round-trips every amount exactly', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 99999999999999n }), (fen) => {
        expect(yuanToFen(fenToYuan(fen))).toBe(fen);
      }),
    );
  });
});
