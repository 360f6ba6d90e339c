import {
  creditCodeCheckChar,
  isChineseMobile,
  isResidentIdNumber,
  isUnifiedSocialCreditCode,
  normalizeChineseMobile,
  residentIdCheckChar,
} from 'src/common/validation/china-ids';

describe('Chinese mobile numbers', () => {
  it.each(['13800138000', '19912345678', '+86 138 0013 8000', '0086-138-0013-8000'])('accepts %s', (value) => {
    expect(isChineseMobile(value)).toBe(true);
  });
  it.each(['12800138000', '1380013800', '138001380000', '010-12345678', 'abc', ''])('rejects %s', (value) => {
    expect(isChineseMobile(value)).toBe(false);
  });
  it('normalizes to 11 digits', () => {
    expect(normalizeChineseMobile('+86 138-0013-8000')).toBe('13800138000');
  });
});

describe('resident ID numbers', () => {
  const today = new Date('2026-11-20T00:00:00Z');
  // The GB 11643 example number and others built with the published algorithm.
  it.each(['11010519491231002X', '110105194912310029'.slice(0, 17) + residentIdCheckChar('11010519491231002')])(
    'accepts %s',
    (value) => {
      expect(isResidentIdNumber(value, today)).toBe(true);
    },
  );
  it('accepts a lower-case x check character', () => {
    expect(isResidentIdNumber('11010519491231002x', today)).toBe(true);
  });
  it.each([
    ['wrong check digit', '110105194912310021'],
    ['February 30th', '11010519490230002' + residentIdCheckChar('11010519490230002')],
    ['born in the future', '11010520301231002' + residentIdCheckChar('11010520301231002')],
    ['15-digit legacy number', '110105491231002'],
    ['letters', '11010519491231002A'],
    ['leading zero region', '01010519491231002' + residentIdCheckChar('01010519491231002')],
  ])('rejects %s', (_label, value) => {
    expect(isResidentIdNumber(value, today)).toBe(false);
  });
});

describe('unified social credit codes', () => {
  it.each(['91350100M000100Y43', '911100001000080343', '91110108551385082Q'])('accepts %s', (value) => {
    expect(isUnifiedSocialCreditCode(value)).toBe(true);
  });
  it('computes the check character of a known code', () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
  });
  it.each([
    ['wrong check character', '91350100M000100Y42'],
    ['forbidden letter I', '91350100I000100Y43'],
    ['too short', '91350100M000100Y4'],
    ['lower-case garbage', 'not-a-credit-code!'],
  ])('rejects %s', (_label, value) => {
    expect(isUnifiedSocialCreditCode(value)).toBe(false);
  });
});
