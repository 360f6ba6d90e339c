export enum Role {
  Operator = 'operator',
  Dispatcher = 'dispatcher',
  Mediator = 'mediator',
  LegalAid = 'legal_aid',
  Leader = 'leader',
  Admin = 'admin',
}

export const ALL_ROLES = Object.values(Role);

export function isRole(value: string): value is Role {
  return (ALL_ROLES as string[]).includes(value);
}

/** Roles that contact workers and so may see their phone and ID numbers in full, one audited reveal at a time. */
export const REVEAL_ROLES: readonly Role[] = [Role.Operator, Role.Mediator, Role.LegalAid];

/** Roles that work cases (everyone but the system administrator, who manages accounts and reference data). */
export const CASEWORK_ROLES: readonly Role[] = [
  Role.Operator,
  Role.Dispatcher,
  Role.Mediator,
  Role.LegalAid,
  Role.Leader,
];

/** Who reads the leadership figures: leaders, and dispatchers who run a unit's caseload. */
export const REPORT_ROLES: readonly Role[] = [Role.Leader, Role.Dispatcher];

/** Who takes hotline calls and reads their own call log. */
export const CALL_ROLES: readonly Role[] = [Role.Operator, Role.Dispatcher];
