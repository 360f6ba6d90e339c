import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { ALL_ROLES, isRole } from 'src/auth/role';
import { loadConfig } from 'src/config/app-config';
import { readEnvironment } from 'src/config/environment';
import { OrgTreeSeeder } from 'src/seed/org-tree.seeder';
import { SeedModule } from 'src/seed/seed.module';
import { UserBootstrapService } from 'src/users/user-bootstrap.service';

const USAGE =
  'usage: npm run user:create -- --username NAME --password PASS --roles admin[,leader…] [--unit 1100] [--name "显示名"]';

/** Creates an account from the command line, e.g. the first admin of a new installation. */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      roles: { type: 'string' },
      unit: { type: 'string', default: '1100' },
      name: { type: 'string' },
    },
  });
  const { username, password, roles, unit, name } = values;
  if (!username || !password || !roles) throw new Error(USAGE);
  const names = roles.split(',').map((role) => role.trim());
  const roleList = names.filter(isRole);
  const unknown = names.filter((role) => !isRole(role));
  if (unknown.length > 0) throw new Error(`unknown role(s): ${unknown.join(', ')}; known: ${ALL_ROLES.join(', ')}`);

  const config = loadConfig(readEnvironment());
  const app = await NestFactory.createApplicationContext(SeedModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    await app.get(OrgTreeSeeder).run();
    const id = await app
      .get(UserBootstrapService)
      .create({ username, password, roles: roleList, unitCode: unit, displayName: name ?? username });
    process.stdout.write(`created user ${username} (${id})\n`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
