import { DEFAULT_LOYALTY_PROGRAM, expiringLots, expiryDate, openLots, pointsExpiringNext, pointsExpiringWithin, type LedgerEntry, type Lot } from '../index';

const at = (iso: string) => new Date(iso);
const lot = (lotId: string, remaining: number, earnedAt: string, points = remaining): Lot => ({
  lotId,
  earnedAt: at(earnedAt),
  expiresAt: expiryDate(at(earnedAt), DEFAULT_LOYALTY_PROGRAM),
  points,
  remaining,
});

describe('expiryDate', () => {
  it('is 12 calendar months after earning, to the millisecond', () => {
    expect(expiryDate(at('2023-03-15T10:20:30.400Z'), DEFAULT_LOYALTY_PROGRAM).toISOString()).toBe('2024-03-15T10:20:30.400Z');
    expect(expiryDate(at('2024-02-29T12:00:00Z'), DEFAULT_LOYALTY_PROGRAM).toISOString()).toBe('2025-02-28T12:00:00.000Z');
    expect(expiryDate(at('2024-01-31T12:00:00Z'), { pointsExpiryMonths: 1 }).toISOString()).toBe('2024-02-29T12:00:00.000Z');
  });
});

describe('expiringLots', () => {
  const lots = [lot('b', 20, '2023-04-01T00:00:00Z', 50), lot('a', 10, '2023-03-15T10:00:00Z'), lot('c', 30, '2023-06-01T00:00:00Z')];

  it('expires a lot exactly 12 months after it was earned, not a millisecond before', () => {
    expect(expiringLots(lots, at('2024-03-15T09:59:59.999Z'))).toEqual([]);
    expect(expiringLots(lots, at('2024-03-15T10:00:00.000Z'))).toEqual([
      { type: 'EXPIRE', points: -10, occurredAt: at('2024-03-15T10:00:00.000Z'), allocations: [{ lotId: 'a', points: 10 }] },
    ]);
  });

  it('expires only what is still unspent, oldest first, one entry per lot', () => {
    expect(expiringLots(lots, at('2024-05-01T00:00:00Z'))).toEqual([
      { type: 'EXPIRE', points: -10, occurredAt: at('2024-03-15T10:00:00Z'), allocations: [{ lotId: 'a', points: 10 }] },
      { type: 'EXPIRE', points: -20, occurredAt: at('2024-04-01T00:00:00Z'), allocations: [{ lotId: 'b', points: 20 }] },
    ]);
  });

  it('changes nothing once recorded: expiring again finds nothing', () => {
    const ledger: LedgerEntry[] = [
      { id: 'a', type: 'EARN', points: 10, occurredAt: at('2023-03-15T10:00:00Z'), expiresAt: at('2024-03-15T10:00:00Z') },
      { id: 'b', type: 'EARN', points: 50, occurredAt: at('2023-04-01T00:00:00Z'), expiresAt: at('2024-04-01T00:00:00Z') },
      { id: 'r', type: 'REDEEM', points: -40, occurredAt: at('2023-05-01T00:00:00Z'), allocations: [{ lotId: 'a', points: 10 }, { lotId: 'b', points: 30 }] },
    ];
    const now = at('2024-05-01T00:00:00Z');
    const due = expiringLots(openLots(ledger), now);
    expect(due.map((e) => e.points)).toEqual([-20]);
    due.forEach((entry, i) => ledger.push({ id: `x${i}`, ...entry }));
    expect(expiringLots(openLots(ledger), now)).toEqual([]);
    expect(openLots(ledger)).toEqual([]);
  });
});

describe('pointsExpiringNext', () => {
  it('gives the next expiry after now and the points due then', () => {
    const lots = [lot('a', 10, '2023-03-15T10:00:00Z'), lot('b', 20, '2023-04-01T00:00:00Z'), lot('b2', 5, '2023-04-01T00:00:00Z'), lot('c', 30, '2023-06-01T00:00:00Z')];
    expect(pointsExpiringNext(lots, at('2024-01-01T00:00:00Z'))).toEqual({ points: 10, date: at('2024-03-15T10:00:00Z') });
    expect(pointsExpiringNext(lots, at('2024-03-15T10:00:00Z'))).toEqual({ points: 25, date: at('2024-04-01T00:00:00Z') });
    expect(pointsExpiringNext(lots, at('2024-06-01T00:00:00Z'))).toBeNull();
    expect(pointsExpiringNext([lot('z', 0, '2023-12-01T00:00:00Z', 9)], at('2024-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('pointsExpiringWithin', () => {
  it('adds up what expires after now and up to the bound', () => {
    const lots = [lot('a', 10, '2023-03-15T10:00:00Z'), lot('b', 20, '2023-04-01T00:00:00Z'), lot('c', 30, '2023-06-01T00:00:00Z')];
    expect(pointsExpiringWithin(lots, at('2024-03-02T00:00:00Z'), at('2024-04-01T00:00:00Z'))).toBe(30);
    expect(pointsExpiringWithin(lots, at('2024-03-15T10:00:00Z'), at('2024-03-31T23:59:59Z'))).toBe(0);
  });
});
