import pino from 'pino';
import { Writable } from 'node:stream';
import { REDACT_PATHS } from 'src/logging/redaction';

function capture(): { logger: pino.Logger; output: () => string } {
  let text = '';
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { logger: pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink), output: () => text };
}

describe('log redaction', () => {
  const phone = '13912345678';
  const idNumber = '11010519491231002X';

  it.each([
    ['top level', { phone, idNumber }],
    ['nested party', { party: { name: '王小明', phone, idNumber } }],
    ['deeper', { body: { caller: { name: '王小明', phone } } }],
    ['request headers', { req: { headers: { authorization: 'Bearer abc.def.ghi' } } }],
    ['credentials', { user: { password: 'hunter2', refreshToken: 'rt-123' } }],
  ])('removes personal data and secrets: %s', (_label, payload) => {
    const { logger, output } = capture();
    logger.info(payload, 'event');
    const line = output();
    for (const secret of [phone, idNumber, '王小明', 'abc.def.ghi', 'hunter2', 'rt-123']) {
      expect(line).not.toContain(secret);
    }
    expect(line).toContain('[redacted]');
  });

  it('keeps what is not sensitive', () => {
    const { logger, output } = capture();
    logger.info({ caseNumber: 'GD-2026-000123', status: 'triaged' }, 'event');
    expect(output()).toContain('GD-2026-000123');
  });
});
