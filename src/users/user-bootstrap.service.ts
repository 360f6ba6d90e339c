import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService } from 'src/audit/audit.service';
import { PasswordHasher } from 'src/users/password-hasher';
import { Role } from 'src/auth/role';
import { DbContext } from 'src/database/db-context';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';
import { USERNAME_PATTERN } from 'src/users/user.dto';
import { UserRepository } from 'src/users/user.repository';

export interface BootstrapUser {
  username: string;
  password: string;
  roles: Role[];
  unitCode: string;
  displayName: string;
}

/** Creates accounts outside any request (the first admin); audited as the `system` actor. */
@Injectable()
export class UserBootstrapService {
  constructor(
    private readonly db: DbContext,
    private readonly units: OrgUnitRepository,
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async create(input: BootstrapUser): Promise<string> {
    const username = input.username.toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw new Error(`invalid username ${input.username}`);
    if (input.password.length < 10) throw new Error('password must be at least 10 characters');
    const passwordHash = await this.hasher.hash(input.password);
    return this.db.transaction(async () => {
      const unit = await this.units.findByCode(input.unitCode);
      if (!unit) throw new Error(`no org unit with code ${input.unitCode}`);
      if (await this.users.usernameExists(username)) throw new Error(`username ${username} is taken`);
      const user = await this.users.insert({
        username,
        displayName: input.displayName,
        passwordHash,
        roles: input.roles,
        orgUnitId: unit.id,
      });
      await this.audit.record(
        { userId: null, username: 'system', correlationId: 'cli', ip: 'localhost' },
        {
          action: AuditAction.UserCreate,
          targetType: 'user',
          targetId: user.id,
          scopePath: unit.path,
          detail: { username, roles: input.roles },
        },
      );
      return user.id;
    });
  }
}
