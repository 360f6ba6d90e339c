import { api } from './api';
import type { components } from './api-types';
import { lang } from './i18n';

type Unit = components['schemas']['OrgUnitResponseDto'];

export interface UnitNode {
  value: string;
  label: string;
  children: UnitNode[];
}

let cached: Promise<Unit[]> | undefined;

/** Another account may sign in in this tab next: its scope is another tree. */
export function forgetUnits(): void {
  cached = undefined;
}

/** Every unit in the account's scope (pages of 100, in tree order), loaded once per page view. */
function allUnits(): Promise<Unit[]> {
  cached ??= (async () => {
    const units: Unit[] = [];
    for (let offset = 0; ; offset += 100) {
      const page = await api.get<{ items: Unit[]; total: number }>('/org-units', { limit: 100, offset });
      units.push(...page.items);
      if (page.items.length === 0 || units.length >= page.total) return units;
    }
  })();
  cached.catch(() => {
    cached = undefined;
  });
  return cached;
}

/** The scope as a tree for the unit picker: the account's own unit at the root. */
export async function unitTree(): Promise<UnitNode[]> {
  const units = await allUnits();
  const nodes = new Map(
    units.map((u) => [
      u.id,
      { value: u.id, label: lang.value === 'zh' ? u.nameZh : u.nameEn, children: [] as UnitNode[] },
    ]),
  );
  const roots: UnitNode[] = [];
  for (const unit of units) {
    const node = nodes.get(unit.id);
    const parent = unit.parentId === null ? undefined : nodes.get(unit.parentId);
    if (!node) continue;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}
