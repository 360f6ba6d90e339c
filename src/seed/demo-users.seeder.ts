import { Injectable } from '@nestjs/common';
import { PasswordHasher } from 'src/users/password-hasher';
import { DbContext } from 'src/database/db-context';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';
import { readSeedUsers } from 'src/seed/seed-files';
import { UserRepository } from 'src/users/user.repository';

/** One account per role in a few units (config/demo-users.json); existing usernames are left alone. */
@Injectable()
export class DemoUsersSeeder {
  constructor(
    private readonly db: DbContext,
    private readonly units: OrgUnitRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async run(): Promise<string> {
    const seed = readSeedUsers();
    const passwordHash = await this.hasher.hash(seed.password);
    return this.db.transaction(async () => {
      let created = 0;
      for (const user of seed.users) {
        if (await this.users.usernameExists(user.username)) continue;
        const unit = await this.units.findByCode(user.unit);
        if (!unit) throw new Error(`demo user ${user.username}: unit ${user.unit} is not in the org tree`);
        await this.users.insert({ ...user, orgUnitId: unit.id, passwordHash });
        created += 1;
      }
      return `${created} created, ${seed.users.length} in config`;
    });
  }
}
