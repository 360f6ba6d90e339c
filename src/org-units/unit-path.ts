/**
 * "The unit above" is defined once, from the materialized path (`/cityId/districtId/streetId/`) every case and unit
 * carries: a breach is told to the owning unit and the one above; an extension is decided by either. Same answer
 * as `org_unit.parent_id`, without a join.
 */
export function parentUnitIdOf(path: string): string | null {
  const ids = path.split('/').filter(Boolean);
  return ids.length < 2 ? null : (ids[ids.length - 2] ?? null);
}

/** The unit a path ends at, then the unit above it when there is one. */
export function unitAndParentIds(path: string): string[] {
  const ids = path.split('/').filter(Boolean);
  return ids.slice(-2).reverse();
}
