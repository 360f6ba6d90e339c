import { AppRole, ConfigError, loadConfig, NodeEnv } from 'src/config/app-config';

const KEYS = {
  JWT_SECRET: 'x'.repeat(40),
  PII_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')},k2:${Buffer.alloc(32, 2).toString('base64')}`,
  PII_ACTIVE_KEY_ID: 'k2',
  PII_HMAC_KEY: Buffer.alloc(32, 3).toString('base64'),
};

describe('loadConfig', () => {
  it('gives documented defaults when only the secrets are set', () => {
    const config = loadConfig(KEYS);
    expect(config.env).toBe(NodeEnv.Development);
    expect(config.role).toBe(AppRole.All);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:54329/grievance_desk');
    expect(config.redis.url).toBe('redis://127.0.0.1:63799');
  });

  it('reads and coerces settings', () => {
    const config = loadConfig({ ...KEYS, APP_ROLE: 'worker', PORT: '8080', WORKER_CONCURRENCY: '4' });
    expect(config.role).toBe(AppRole.Worker);
    expect(config.http.port).toBe(8080);
    expect(config.pii.keys.k1).toEqual(Buffer.alloc(32, 1));
    expect(config.pii.activeKeyId).toBe('k2');
    expect(config.queue.concurrency).toBe(4);
  });

  it.each([
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_URL', 'mysql://root@localhost/db'],
    ['DATABASE_URL', 'postgres://localhost:5432'],
    ['REDIS_URL', 'http://localhost:6379'],
    ['PORT', '80a'],
    ['PORT', '70000'],
    ['APP_ROLE', 'scheduler'],
    ['LOG_LEVEL', 'loud'],
    ['JWT_SECRET', 'short'],
    ['PII_KEYS', 'k1:notbase64!'],
    ['PII_KEYS', `k1:${Buffer.alloc(16).toString('base64')}`],
    ['PII_ACTIVE_KEY_ID', 'k9'],
    ['PII_HMAC_KEY', 'abc'],
  ])('rejects %s=%s with a one-line message naming it', (key, value) => {
    expect(() => loadConfig({ ...KEYS, [key]: value })).toThrow(ConfigError);
    try {
      loadConfig({ ...KEYS, [key]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(key);
      expect(message).not.toContain('\n');
    }
  });

  it('never echoes a connection URL, which may hold a password', () => {
    expect(() => loadConfig({ ...KEYS, DATABASE_URL: 'postgres//user:s3cret@host' })).toThrow(/^(?!.*s3cret).*$/);
  });

  it('refuses to start without keys, naming each', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET.*PII_KEYS.*PII_ACTIVE_KEY_ID.*PII_HMAC_KEY/);
  });

  it('never echoes key material', () => {
    const secret = Buffer.alloc(16, 5).toString('base64');
    let message = '';
    try {
      loadConfig({ ...KEYS, PII_KEYS: `k1:${secret}` });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('PII_KEYS');
    expect(message).not.toContain(secret);
  });

  it('names every bad setting at once', () => {
    expect(() => loadConfig({ ...KEYS, PORT: 'x', APP_ROLE: 'y' })).toThrow(/PORT.*APP_ROLE|APP_ROLE.*PORT/);
  });

  it.each([
    ['a terminal in development', {}, true, true],
    ['a pipe in development', {}, false, false],
    ['a terminal in production', { NODE_ENV: 'production' }, true, false],
    ['a terminal with a log file', { LOG_DESTINATION: '/tmp/gd.log' }, true, false],
    ['LOG_FORMAT=pretty on a pipe', { LOG_FORMAT: 'pretty' }, false, true],
    ['LOG_FORMAT=json on a terminal', { LOG_FORMAT: 'json' }, true, false],
  ])('pretty logs for %s: %s', (_name, env, stdoutIsTty, pretty) => {
    expect(loadConfig({ ...KEYS, ...env }, { stdoutIsTty }).log.pretty).toBe(pretty);
  });

  it('refuses an unknown LOG_FORMAT', () => {
    expect(() => loadConfig({ ...KEYS, LOG_FORMAT: 'xml' })).toThrow(/LOG_FORMAT/);
  });
});
