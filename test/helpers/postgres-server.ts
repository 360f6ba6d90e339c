import { execFileSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from 'test/helpers/redis-server';
import { TEMPLATE_DATABASE, TEST_ADMIN_DATABASE_URL } from 'test/setup/test-env';

const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const DATABASE = 'gd';
const isRoot = process.getuid?.() === 0;

/** PostgreSQL refuses to run as root: run its server binaries as the postgres user then. */
function asPostgres(binary: string, args: string[]): void {
  const [command, argv] = isRoot
    ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, binary), ...args]]
    : [join(PG_BIN, binary), args];
  execFileSync(command, argv, { stdio: ['ignore', 'ignore', 'pipe'] });
}

function postgresUid(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A private, real PostgreSQL cluster a test may stop (as `pg_ctl stop -m immediate` does in an outage) and start
 * again without disturbing the shared server, holding a copy of the migrated template database.
 */
export class PrivatePostgres {
  private readonly dir = mkdtempSync(join(tmpdir(), 'gd-pg-'));

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivatePostgres> {
    const pg = new PrivatePostgres(await freePort());
    if (isRoot) {
      const { uid, gid } = postgresUid();
      chownSync(pg.dir, uid, gid);
    }
    asPostgres('initdb', ['-D', pg.data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    pg.up();
    const source = new URL(TEST_ADMIN_DATABASE_URL);
    source.pathname = `/${TEMPLATE_DATABASE}`;
    execFileSync(join(PG_BIN, 'createdb'), ['-h', '127.0.0.1', '-p', String(pg.port), '-U', 'postgres', DATABASE]);
    const dump = execFileSync(join(PG_BIN, 'pg_dump'), ['--no-owner', source.toString()], {
      maxBuffer: 256 * 1024 * 1024,
    });
    execFileSync(join(PG_BIN, 'psql'), ['-q', '-v', 'ON_ERROR_STOP=1', pg.url], {
      input: dump,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    return pg;
  }

  get url(): string {
    return `postgres://postgres@127.0.0.1:${String(this.port)}/${DATABASE}`;
  }

  private get data(): string {
    return join(this.dir, 'data');
  }

  private running(): boolean {
    try {
      asPostgres('pg_ctl', ['-D', this.data, 'status']);
      return true;
    } catch {
      return false;
    }
  }

  up(): void {
    if (this.running()) return;
    const options = `-p ${String(this.port)} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    asPostgres('pg_ctl', [
      '-D',
      this.data,
      '-l',
      join(this.dir, 'server.log'),
      '-o',
      options,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** Stops the server the hard way: every connection is cut, nothing is shut down politely. */
  down(): void {
    if (!this.running()) return;
    asPostgres('pg_ctl', ['-D', this.data, '-m', 'immediate', '-w', 'stop']);
  }

  dispose(): void {
    this.down();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
