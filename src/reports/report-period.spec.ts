import { bucketStarts, daysBetween, Granularity, periodContaining, splitByMonths } from 'src/reports/report-period';

describe('report periods', () => {
  it('finds the period containing a day (weeks start on Monday)', () => {
    expect(periodContaining(Granularity.Week, '2026-02-17')).toEqual({ from: '2026-02-16', to: '2026-02-22' });
    expect(periodContaining(Granularity.Week, '2026-02-22')).toEqual({ from: '2026-02-16', to: '2026-02-22' });
    expect(periodContaining(Granularity.Month, '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodContaining(Granularity.Quarter, '2026-11-21')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodContaining(Granularity.Year, '2026-11-21')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });

  it('splits a range into whole months and ragged ends', () => {
    expect(splitByMonths({ from: '2026-01-15', to: '2026-04-10' })).toMatchObject({
      monthsFrom: '2026-02-01',
      monthsTo: '2026-04-01',
    });
    expect(splitByMonths({ from: '2026-01-01', to: '2026-03-31' })).toMatchObject({
      monthsFrom: '2026-01-01',
      monthsTo: '2026-04-01',
    });
    const inside = splitByMonths({ from: '2026-01-05', to: '2026-01-20' });
    expect(inside.monthsFrom).toBe(inside.monthsTo);
    expect(daysBetween({ from: '2024-02-28', to: '2024-03-01' })).toBe(3);
  });

  it('lists every bucket that meets a range, from the bucket holding its first day', () => {
    expect(bucketStarts({ from: '2026-01-15', to: '2026-04-01' }, Granularity.Month)).toEqual([
      '2026-01-01',
      '2026-02-01',
      '2026-03-01',
      '2026-04-01',
    ]);
    expect(bucketStarts({ from: '2026-02-18', to: '2026-03-02' }, Granularity.Week)).toEqual([
      '2026-02-16',
      '2026-02-23',
      '2026-03-02',
    ]);
    expect(bucketStarts({ from: '2025-11-30', to: '2026-01-01' }, Granularity.Quarter)).toEqual([
      '2025-10-01',
      '2026-01-01',
    ]);
    expect(bucketStarts({ from: '2026-03-05', to: '2026-03-05' }, Granularity.Day)).toEqual(['2026-03-05']);
  });
});
