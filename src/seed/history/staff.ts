import { Role } from 'src/auth/role';
import { personName } from 'src/seed/history/names';
import { Rng, Stream } from 'src/seed/history/rng';
import { StaffRow, TreeRef, UnitRef } from 'src/seed/history/history.types';

/** The people who worked the generated cases, by unit. */
export interface Staff {
  operators: string[];
  dispatchers: ReadonlyMap<string, string[]>;
  mediators: ReadonlyMap<string, string[]>;
  legal: ReadonlyMap<string, string[]>;
}

/**
 * Staff accounts for the history: hotline operators and a dispatcher at the city, a dispatcher, two mediators
 * and two legal-aid officers per district, two mediators per street. Their password hash is not a valid PHC
 * string, so nobody can log in as them (an admin can reset one); their ids fill the actor columns.
 */
export function planStaff(seed: number, tree: TreeRef): StaffRow[] {
  const rows: StaffRow[] = [];
  let k = 0;
  const add = (unit: UnitRef, role: Role, tag: string, count: number, title: string) => {
    for (let n = 1; n <= count; n++) {
      const rng = new Rng(seed, Stream.Staff, k++);
      rows.push({
        id: rng.uuid(),
        username: `h_${tag}_${unit.code.toLowerCase()}_${n}`,
        displayName: `${personName(rng)}（${unit.nameZh.replace('总工会', '')}${title}）`,
        roles: [role],
        orgUnitId: unit.id,
      });
    }
  };
  add(tree.city, Role.Operator, 'op', 8, '接线员');
  add(tree.city, Role.Dispatcher, 'disp', 2, '派单员');
  for (const district of tree.districts) {
    add(district, Role.Dispatcher, 'disp', 1, '派单员');
    add(district, Role.Mediator, 'med', 2, '调解员');
    add(district, Role.LegalAid, 'legal', 2, '法律援助律师');
    for (const street of district.streets) add(street, Role.Mediator, 'med', 2, '调解员');
  }
  return rows;
}

/** Groups the accounts (as stored: a username already taken keeps its existing id) by unit and role. */
export function indexStaff(rows: readonly StaffRow[]): Staff {
  const operators: string[] = [];
  const by = (role: Role) => {
    const map = new Map<string, string[]>();
    for (const row of rows.filter((r) => r.roles.includes(role))) {
      map.set(row.orgUnitId, [...(map.get(row.orgUnitId) ?? []), row.id]);
    }
    return map;
  };
  for (const row of rows) if (row.roles.includes(Role.Operator)) operators.push(row.id);
  return { operators, dispatchers: by(Role.Dispatcher), mediators: by(Role.Mediator), legal: by(Role.LegalAid) };
}
