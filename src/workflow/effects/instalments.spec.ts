import { agreementPaymentStatus, instalmentStates } from 'src/workflow/effects/instalments';

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
