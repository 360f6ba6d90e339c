import { acceptsGzip } from 'src/common/http/static-assets';

describe('acceptsGzip (Accept-Encoding)', () => {
  it.each([
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['*', true],
    ['br, *;q=0.1', true],
    ['gzip;q=0', false],
    ['gzip;q=0.000, br', false],
    ['br, *;q=0', false],
    ['identity', false],
    ['', false],
    [undefined, false],
    ['gzip;q=0, *;q=1', false],
  ])('%s → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});
