import { balance, openLots, spendableBalance, type LedgerEntry } from '../index';

const at = (iso: string) => new Date(iso);
const earn = (id: string, points: number, earnedAt: string, expiresAt = `${Number(earnedAt.slice(0, 4)) + 1}${earnedAt.slice(4)}`): LedgerEntry => ({
  id,
  type: 'EARN',
  points,
  occurredAt: at(earnedAt),
  expiresAt: at(expiresAt),
});

describe('balance', () => {
  it('is the sum of the ledger', () => {
    expect(balance([])).toBe(0);
    expect(balance([{ points: 100 }, { points: -30 }, { points: 5 }])).toBe(75);
    expect(() => balance([{ points: 1.5 }])).toThrow(RangeError);
  });
});

describe('openLots', () => {
  const a = earn('a', 100, '2024-01-10T00:00:00Z');
  const b = earn('b', 50, '2024-02-10T00:00:00Z');
  const c: LedgerEntry = { id: 'c', type: 'ADJUST', points: 20, occurredAt: at('2024-01-20T00:00:00Z'), expiresAt: at('2025-01-20T00:00:00Z') };

  it('opens a lot per credit, oldest first whatever the order given', () => {
    expect(openLots([b, c, a]).map((l) => [l.lotId, l.remaining])).toEqual([
      ['a', 100],
      ['c', 20],
      ['b', 50],
    ]);
  });

  it('subtracts debits from the lots they name and drops spent lots', () => {
    const redeem: LedgerEntry = { id: 'r', type: 'REDEEM', points: -130, occurredAt: at('2024-03-01T00:00:00Z'), allocations: [{ lotId: 'a', points: 100 }, { lotId: 'c', points: 20 }, { lotId: 'b', points: 10 }] };
    const lots = openLots([a, b, c, redeem]);
    expect(lots).toEqual([{ lotId: 'b', earnedAt: b.occurredAt, expiresAt: b.expiresAt, points: 50, remaining: 40 }]);
    expect(balance([a, b, c, redeem])).toBe(40);
  });

  it('allows zero-point entries (an order under one unit, a reversal with nothing left to take)', () => {
    const zero = earn('z', 0, '2024-01-01T00:00:00Z');
    const nothing: LedgerEntry = { id: 'n', type: 'REVERSAL', points: 0, occurredAt: at('2024-02-01T00:00:00Z'), allocations: [], shortfall: 30 };
    expect(openLots([zero, nothing, a]).map((l) => l.lotId)).toEqual(['a']);
  });

  it.each<[string, LedgerEntry[]]>([
    ['allocations that do not add up', [a, { id: 'r', type: 'REDEEM', points: -10, occurredAt: at('2024-03-01T00:00:00Z'), allocations: [{ lotId: 'a', points: 9 }] }]],
    ['a debit without allocations', [a, { id: 'r', type: 'REDEEM', points: -10, occurredAt: at('2024-03-01T00:00:00Z') }]],
    ['an allocation to an unknown lot', [a, { id: 'r', type: 'EXPIRE', points: -10, occurredAt: at('2024-03-01T00:00:00Z'), allocations: [{ lotId: 'x', points: 10 }] }]],
    ['a lot spent below zero', [b, { id: 'r', type: 'REDEEM', points: -60, occurredAt: at('2024-03-01T00:00:00Z'), allocations: [{ lotId: 'b', points: 60 }] }]],
    ['a positive redemption', [a, { id: 'r', type: 'REDEEM', points: 10, occurredAt: at('2024-03-01T00:00:00Z') }]],
    ['a negative earn', [{ ...a, points: -1 }]],
    ['a credit without expiry', [{ ...a, expiresAt: null }]],
    ['the same credit twice', [a, a]],
  ])('throws on an inconsistent ledger: %s', (_case, entries) => {
    expect(() => openLots(entries)).toThrow(RangeError);
  });
});

describe('spendableBalance', () => {
  it('leaves out lots at or past their expiry', () => {
    const lots = openLots([earn('a', 100, '2023-01-10T00:00:00Z'), earn('b', 50, '2023-06-10T00:00:00Z')]);
    expect(spendableBalance(lots, at('2024-01-09T23:59:59.999Z'))).toBe(150);
    expect(spendableBalance(lots, at('2024-01-10T00:00:00.000Z'))).toBe(50);
  });
});
