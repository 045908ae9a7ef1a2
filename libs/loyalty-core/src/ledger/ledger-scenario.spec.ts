import {
  balance,
  DEFAULT_LOYALTY_PROGRAM,
  expiringLots,
  expiryDate,
  openLots,
  planRedemption,
  planReversal,
  pointsExpiringNext,
  pointsForOrder,
  reversalFor,
  type LedgerEntry,
} from '../index';

const program = DEFAULT_LOYALTY_PROGRAM;
const at = (iso: string) => new Date(iso);

/** A customer's year, told through the ledger the way the app would write it. */
describe('a points ledger over a year', () => {
  const ledger: LedgerEntry[] = [];
  const record = (id: string, occurredAt: Date, entry: Omit<LedgerEntry, 'id' | 'occurredAt'>) => ledger.push({ id, occurredAt, ...entry });
  const earn = (id: string, orderValue: string, iso: string, tier: 'MEMBER' | 'SILVER' = 'MEMBER') => {
    const orderedAt = at(iso);
    const points = pointsForOrder({ orderValue, tier, birthDate: '1990-05-29', orderedAt, program });
    record(id, orderedAt, { type: 'EARN', points, expiresAt: expiryDate(orderedAt, program) });
    return points;
  };

  it('earns, redeems oldest first, reverses what it can, expires what is left, never below zero', () => {
    expect(earn('o1', '120.75', '2023-03-10T09:00:00Z')).toBe(120);
    expect(earn('o2', '80', '2023-05-31T23:59:59Z')).toBe(160); // birthday month: doubled
    expect(earn('o3', '50.50', '2023-08-01T00:00:00Z', 'SILVER')).toBe(60);
    expect(balance(ledger)).toBe(340);

    const redemption = planRedemption(openLots(ledger), 200, at('2023-09-01T00:00:00Z'));
    if (!redemption.ok) throw new Error('expected a redemption');
    expect(redemption.entry.allocations).toEqual([{ lotId: 'o1', points: 120 }, { lotId: 'o2', points: 80 }]);
    record('r1', at('2023-09-01T00:00:00Z'), redemption.entry);

    // o1 is refunded in full: its 120 points were spent, so they come from o2 then o3.
    const due = reversalFor({ earnedPoints: 120, orderValue: '120.75' });
    const reversal = planReversal(openLots(ledger), { points: due, lotId: 'o1' }, at('2023-10-01T00:00:00Z'));
    expect(reversal).toEqual({ entry: { type: 'REVERSAL', points: -120, allocations: [{ lotId: 'o2', points: 80 }, { lotId: 'o3', points: 40 }] }, shortfall: 0 });
    record('v1', at('2023-10-01T00:00:00Z'), { ...reversal.entry, shortfall: reversal.shortfall });
    expect(balance(ledger)).toBe(20);

    // Half of o2 is refunded: 80 points due, only 20 left. The balance stops at zero.
    const half = reversalFor({ earnedPoints: 160, orderValue: '80', amountReversed: '40' });
    const partial = planReversal(openLots(ledger), { points: half, lotId: 'o2' }, at('2023-11-01T00:00:00Z'));
    expect(partial).toMatchObject({ entry: { points: -20 }, shortfall: 60 });
    record('v2', at('2023-11-01T00:00:00Z'), { ...partial.entry, shortfall: partial.shortfall });
    expect(balance(ledger)).toBe(0);
    expect(planRedemption(openLots(ledger), 1, at('2023-11-02T00:00:00Z'))).toMatchObject({ ok: false, available: 0 });

    // New points, then a year passes: they expire 12 months after they were earned, to the instant.
    expect(earn('o4', '30', '2023-12-05T12:00:00Z')).toBe(30);
    expect(pointsExpiringNext(openLots(ledger), at('2024-01-01T00:00:00Z'))).toEqual({ points: 30, date: at('2024-12-05T12:00:00Z') });
    expect(expiringLots(openLots(ledger), at('2024-12-05T11:59:59.999Z'))).toEqual([]);
    for (const [i, entry] of expiringLots(openLots(ledger), at('2024-12-05T12:00:00Z')).entries()) record(`x${i}`, entry.occurredAt, entry);
    expect(balance(ledger)).toBe(0);
    expect(openLots(ledger)).toEqual([]);
  });
});
