import { agreementPaymentStatus, instalmentDueAt, instalmentStates, splitPaid } from 'src/workflow/effects/instalments';

describe('instalment states', () => {
  const schedule = [
    { seq: 1, dueOn: '2026-11-30', amountFen: 300000n },
    { seq: 2, dueOn: '2026-12-31', amountFen: 300000n },
    { seq: 3, dueOn: '2027-01-31', amountFen: 400000n },
  ];

  it('pays instalments in due-date order and marks unpaid past ones overdue', () => {
    expect(instalmentStates(schedule, 300000n, '2027-01-05').map((i) => i.state)).toEqual(['paid', 'overdue', 'due']);
    expect(instalmentStates(schedule, 0n, '2026-11-20').map((i) => i.state)).toEqual(['due', 'due', 'due']);
    expect(instalmentStates(schedule, 1000000n, '2027-06-01').map((i) => i.state)).toEqual(['paid', 'paid', 'paid']);
  });

  it('does not count a partly paid instalment as paid', () => {
    expect(instalmentStates(schedule, 599999n, '2026-12-01').map((i) => i.state)).toEqual(['paid', 'due', 'due']);
  });

  it('derives the agreement payment status', () => {
    expect(agreementPaymentStatus(1000000n, 0n)).toBe('unpaid');
    expect(agreementPaymentStatus(1000000n, 1n)).toBe('partially_paid');
    expect(agreementPaymentStatus(1000000n, 1000000n)).toBe('paid');
  });
});

describe('instalment clocks', () => {
  it('fall due when the agreed day ends in Asia/Shanghai', () => {
    expect(instalmentDueAt('2026-12-31').toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(instalmentDueAt('2027-01-01').getTime()).toBe(Date.parse('2027-01-02T00:00:00+08:00'));
  });

  it('are stopped for the instalments the money recovered pays, in due-date order', () => {
    const schedule = [
      { id: 'b', seq: 2, dueOn: '2026-12-31', amountFen: 300000n },
      { id: 'a', seq: 1, dueOn: '2026-11-30', amountFen: 300000n },
      { id: 'c', seq: 3, dueOn: '2027-01-31', amountFen: 400000n },
    ];
    const ids = (split: { paid: { id: string }[]; owed: { id: string }[] }) => ({
      paid: split.paid.map((i) => i.id),
      owed: split.owed.map((i) => i.id),
    });
    expect(ids(splitPaid(schedule, 0n))).toEqual({ paid: [], owed: ['a', 'b', 'c'] });
    expect(ids(splitPaid(schedule, 599999n))).toEqual({ paid: ['a'], owed: ['b', 'c'] });
    expect(ids(splitPaid(schedule, 1000000n))).toEqual({ paid: ['a', 'b', 'c'], owed: [] });
  });
});
