import { PasswordHasher } from 'src/users/password-hasher';
import { Role } from 'src/auth/role';
import { OrgUnitEntity, OrgUnitKind } from 'src/org-units/org-unit.entity';
import { OrgUnitRepository } from 'src/org-units/org-unit.repository';
import { UserRepository } from 'src/users/user.repository';
import { TestApp } from 'test/helpers/test-app';

export const TEST_PASSWORD = 'Test-pass-2026';

/**
 *   city ─┬─ districtA ─┬─ streetA1
 *         │             └─ streetA2
 *         └─ districtB ─── streetB1
 */
export interface IdentityFixture {
  units: Record<'city' | 'districtA' | 'streetA1' | 'streetA2' | 'districtB' | 'streetB1', OrgUnitEntity>;
  /** Logs in (once per user) and returns an access token. */
  token(username: FixtureUser): Promise<string>;
  userId(username: FixtureUser): string;
}

export const FIXTURE_USERS = {
  admin_city: { roles: [Role.Admin], unit: 'city' },
  admin_a: { roles: [Role.Admin], unit: 'districtA' },
  leader_city: { roles: [Role.Leader], unit: 'city' },
  leader_a: { roles: [Role.Leader], unit: 'districtA' },
  operator_city: { roles: [Role.Operator], unit: 'city' },
  dispatcher_city: { roles: [Role.Dispatcher], unit: 'city' },
  mediator_city: { roles: [Role.Mediator], unit: 'city' },
  legal_city: { roles: [Role.LegalAid], unit: 'city' },
  operator_a: { roles: [Role.Operator], unit: 'districtA' },
  dispatcher_a: { roles: [Role.Dispatcher], unit: 'districtA' },
  legal_a: { roles: [Role.LegalAid], unit: 'districtA' },
  mediator_a1: { roles: [Role.Mediator], unit: 'streetA1' },
  mediator_a2: { roles: [Role.Mediator], unit: 'streetA2' },
  mediator_b1: { roles: [Role.Mediator], unit: 'streetB1' },
} as const satisfies Record<string, { roles: Role[]; unit: keyof IdentityFixture['units'] }>;
export type FixtureUser = keyof typeof FIXTURE_USERS;

export async function createIdentityFixture(t: TestApp): Promise<IdentityFixture> {
  const unitsRepo = t.app.get(OrgUnitRepository);
  const usersRepo = t.app.get(UserRepository);
  const unit = (code: string, kind: OrgUnitKind, parent: OrgUnitEntity | null) =>
    unitsRepo.insert({ code, nameZh: `${code}工会`, nameEn: `${code} union`, kind }, parent);
  const city = await unit('T-CITY', OrgUnitKind.City, null);
  const districtA = await unit('T-A', OrgUnitKind.District, city);
  const districtB = await unit('T-B', OrgUnitKind.District, city);
  const units = {
    city,
    districtA,
    districtB,
    streetA1: await unit('T-A1', OrgUnitKind.Street, districtA),
    streetA2: await unit('T-A2', OrgUnitKind.Street, districtA),
    streetB1: await unit('T-B1', OrgUnitKind.Street, districtB),
  };
  const passwordHash = await t.app.get(PasswordHasher).hash(TEST_PASSWORD);
  const ids = new Map<string, string>();
  for (const [username, spec] of Object.entries(FIXTURE_USERS)) {
    const user = await usersRepo.insert({
      username,
      displayName: username,
      passwordHash,
      roles: [...spec.roles],
      orgUnitId: units[spec.unit].id,
    });
    ids.set(username, user.id);
  }
  const tokens = new Map<string, string>();
  return {
    units,
    userId: (username) => ids.get(username) ?? '',
    async token(username) {
      const cached = tokens.get(username);
      if (cached) return cached;
      const res = await t.http.post<{ accessToken: string }>('/auth/login', { username, password: TEST_PASSWORD });
      if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
      tokens.set(username, res.body.accessToken);
      return res.body.accessToken;
    },
  };
}
