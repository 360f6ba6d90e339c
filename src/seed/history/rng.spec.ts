import { Rng, Stream, Weighted } from 'src/seed/history/rng';

describe('Rng', () => {
  const draws = (rng: Rng, n = 50) => Array.from({ length: n }, () => rng.u32());

  it('gives the same sequence for the same seed, stream and index, and different ones otherwise', () => {
    expect(draws(new Rng(7, Stream.Case, 3))).toEqual(draws(new Rng(7, Stream.Case, 3)));
    const base = draws(new Rng(7, Stream.Case, 3));
    expect(draws(new Rng(8, Stream.Case, 3))).not.toEqual(base);
    expect(draws(new Rng(7, Stream.Day, 3))).not.toEqual(base);
    expect(draws(new Rng(7, Stream.Case, 4))).not.toEqual(base);
    // Indices beyond 32 bits still separate streams.
    expect(draws(new Rng(7, Stream.Case, 2 ** 32 + 3))).not.toEqual(base);
  });

  it('never repeats a stream for different indices (a million case ids are all distinct)', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 1_000_000; i++) ids.add(new Rng(12351, Stream.CaseId, i).uuid());
    expect(ids.size).toBe(1_000_000);
  });

  it('draws floats in [0, 1) with a plausible mean, and integers within their bounds', () => {
    const rng = new Rng(1, Stream.Case, 0);
    const floats = Array.from({ length: 20000 }, () => rng.float());
    expect(Math.min(...floats)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...floats)).toBeLessThan(1);
    expect(floats.reduce((a, b) => a + b, 0) / floats.length).toBeCloseTo(0.5, 1);
    const ints = new Set(Array.from({ length: 2000 }, () => rng.int(3, 7)));
    expect([...ints].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it('log-normal draws centre on their median', () => {
    const rng = new Rng(2, Stream.Case, 0);
    const xs = Array.from({ length: 20001 }, () => rng.logNormal(10, 0.8)).sort((a, b) => a - b);
    expect(xs[10000]).toBeGreaterThan(9.5);
    expect(xs[10000]).toBeLessThan(10.5);
  });

  it('makes version-4 UUIDs', () => {
    const rng = new Rng(3, Stream.CaseId, 0);
    const ids = Array.from({ length: 1000 }, () => rng.uuid());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('weighted choices follow their weights and never pick a zero weight', () => {
    const rng = new Rng(4, Stream.Case, 0);
    const table = new Weighted([
      ['a', 1],
      ['b', 3],
      ['never', 0],
    ] as const);
    const counts = { a: 0, b: 0, never: 0 };
    for (let i = 0; i < 40000; i++) counts[table.draw(rng)] += 1;
    expect(counts.never).toBe(0);
    expect(counts.b / counts.a).toBeGreaterThan(2.7);
    expect(counts.b / counts.a).toBeLessThan(3.3);
  });
});
