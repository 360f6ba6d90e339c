import { CaseOutcome, HALF_RESOLVING_OUTCOME, RESOLVING_OUTCOMES, UNWORKED_OUTCOMES } from 'src/cases/case.enums';
import { CONTRIB_VIEW } from 'migrations/support/report-aggregates-v1';

/** The outcome values inside the first `<prefix> ( 'a', 'b' … )` of the SQL, in order. */
function listAfter(sql: string, prefix: string): string[] {
  const at = sql.indexOf(prefix);
  if (at < 0) throw new Error(`not in the view: ${prefix}`);
  const list = /^\s*\(([^)]*)\)/.exec(sql.slice(at + prefix.length))?.[1] ?? '';
  return [...list.matchAll(/'([a-z_]+)'/g)].map((m) => m[1] ?? '');
}

/**
 * The aggregates' view was created by a migration from a frozen copy of these lists (migrations must not change
 * with the code). When the lists in case.enums.ts change, this fails until a migration re-creates the view.
 */
describe('resolving outcomes', () => {
  const view = CONTRIB_VIEW;

  it('are the ones the aggregate view was built with', () => {
    expect(listAfter(view, 'c.outcome IN ')).toEqual([...RESOLVING_OUTCOMES]);
    expect(listAfter(view, 'c.outcome NOT IN ')).toEqual([...UNWORKED_OUTCOMES]);
    expect(view).toContain(`WHEN c.outcome = '${HALF_RESOLVING_OUTCOME}' THEN 1`);
  });

  it('name each outcome at most once across the lists, and only outcomes that exist', () => {
    const listed = [...RESOLVING_OUTCOMES, HALF_RESOLVING_OUTCOME, ...UNWORKED_OUTCOMES];
    expect(new Set(listed).size).toBe(listed.length);
    for (const outcome of listed) expect(Object.values(CaseOutcome)).toContain(outcome);
  });
});
