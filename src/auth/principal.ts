import { Role } from 'src/auth/role';

/**
 * Who is calling. `unitPath` is the materialized path of the caller's home unit: every scoped repository method
 * takes it and matches records whose unit path starts with it (the caller's subtree).
 */
export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  unitId: string;
  unitPath: string;
  sessionId: string;
}

/** What scoped repository methods need from the caller. */
export type Scope = Pick<Principal, 'unitPath'>;

/** Whose subtree a read sees, and the unit it defaults to: a caller's, or the one recorded for a background job. */
export type UnitScope = Pick<Principal, 'unitId' | 'unitPath'>;

/** The caller plus request facts the audit log records. */
export interface Actor {
  principal: Principal;
  correlationId: string;
  ip: string;
}
