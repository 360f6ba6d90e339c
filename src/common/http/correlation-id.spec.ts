import type { IncomingMessage } from 'node:http';
import { correlationIdFor } from 'src/common/http/correlation-id';

function request(header?: string): IncomingMessage {
  return { headers: header === undefined ? {} : { 'x-request-id': header } } as IncomingMessage;
}

describe('correlationIdFor', () => {
  it('reuses a well-formed caller id and stores it on the raw request for the logger', () => {
    const req = request('gateway-7f3a91c2');
    expect(correlationIdFor(req)).toBe('gateway-7f3a91c2');
    expect(req.id).toBe('gateway-7f3a91c2');
  });

  it.each(['short', 'has space in it', 'x'.repeat(200), 'line\nbreak-12345'])('mints a uuid instead of %j', (bad) => {
    expect(correlationIdFor(request(bad))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});
