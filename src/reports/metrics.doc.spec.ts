import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withFiguresTable } from 'src/reports/metrics.doc';
import { FIGURES, toFigures } from 'src/reports/report-figures';
import { METRIC_COLUMNS, zeroSums } from 'src/reports/report-metrics';
import { METRICS as MIGRATED_COLUMNS } from 'migrations/support/report-aggregates-v1';

describe('figure definitions', () => {
  it('docs/metrics.md shows them as defined in code (run `npm run docs:metrics` after changing them)', () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'docs', 'metrics.md'), 'utf8');
    expect(committed).toBe(withFiguresTable(committed));
  });

  it('defines every figure the API returns, once', () => {
    const keys = FIGURES.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.sort()).toEqual(Object.keys(toFigures(zeroSums())).sort());
  });

  it('keeps closed, resolved and satisfied apart, counts a partial resolution as one half', () => {
    const sums = zeroSums();
    sums.received = 10n;
    sums.cohort_closed = 10n;
    sums.closed = 10n;
    sums.resolution_base = 8n;
    sums.resolved_halves = 9n; // 4 resolved + 1 partially resolved
    sums.callbacks_reached = 5n;
    sums.callbacks_satisfied = 2n;
    const figures = toFigures(sums);
    expect(figures.closureRate.rate).toBe(1);
    expect(figures.resolutionRate).toEqual({ numerator: 4.5, denominator: 8, rate: 0.5625 });
    expect(figures.satisfactionRate.rate).toBe(0.4);
    expect(toFigures(zeroSums()).closureRate.rate).toBeNull();
  });

  it('reads exactly the counter columns the migrations created (the runtime list is a copy: migrations are frozen)', () => {
    expect([...METRIC_COLUMNS]).toEqual([...MIGRATED_COLUMNS]);
  });

  it('money sums beyond 2^53 fen stay exact', () => {
    const sums = zeroSums();
    sums.recovered_fen = 183_000_000_000_000_123n;
    expect(toFigures(sums).moneyRecovered).toBe('1830000000000001.23');
    expect(METRIC_COLUMNS).toContain('recovered_fen');
  });
});
