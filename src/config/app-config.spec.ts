import { AppRole, ConfigError, loadConfig, NodeEnv } from 'src/config/app-config';

describe('loadConfig', () => {
  it('gives documented defaults for an empty environment', () => {
    const config = loadConfig({});
    expect(config.env).toBe(NodeEnv.Development);
    expect(config.role).toBe(AppRole.All);
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3000 });
    expect(config.database.url).toBe('postgres://postgres@127.0.0.1:54329/grievance_desk');
    expect(config.redis.url).toBe('redis://127.0.0.1:63799');
  });

  it('reads and coerces settings', () => {
    const config = loadConfig({ APP_ROLE: 'worker', PORT: '8080', LOG_PRETTY: 'true', WORKER_CONCURRENCY: '4' });
    expect(config.role).toBe(AppRole.Worker);
    expect(config.http.port).toBe(8080);
    expect(config.log.pretty).toBe(true);
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
    ['LOG_PRETTY', 'maybe'],
  ])('rejects %s=%s with a one-line message naming it', (key, value) => {
    expect(() => loadConfig({ [key]: value })).toThrow(ConfigError);
    try {
      loadConfig({ [key]: value });
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain(key);
      expect(message).not.toContain('\n');
    }
  });

  it('never echoes a connection URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'postgres//user:s3cret@host' })).toThrow(/^(?!.*s3cret).*$/);
  });

  it('names every bad setting at once', () => {
    expect(() => loadConfig({ PORT: 'x', APP_ROLE: 'y' })).toThrow(/PORT.*APP_ROLE|APP_ROLE.*PORT/);
  });
});
