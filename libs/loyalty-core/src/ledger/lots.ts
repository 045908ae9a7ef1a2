import { isCredit, type LedgerEntry, type Lot } from './ledger-entry';

function checkPoints(value: number, what: string): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a whole number of points, got ${value}`);
}

/** The balance: the sum of every entry's points. */
export function balance(entries: readonly Pick<LedgerEntry, 'points'>[]): number {
  const sum = entries.reduce((total, entry) => {
    checkPoints(entry.points, 'points');
    return total + entry.points;
  }, 0);
  checkPoints(sum, 'the balance');
  return sum;
}

/** Oldest first: by the time earned, then by expiry, then in the order given. */
export function byAge<T extends Pick<Lot, 'earnedAt' | 'expiresAt'>>(lots: readonly T[]): T[] {
  return lots
    .map((lot, index) => ({ lot, index }))
    .sort((a, b) => a.lot.earnedAt.getTime() - b.lot.earnedAt.getTime() || a.lot.expiresAt.getTime() - b.lot.expiresAt.getTime() || a.index - b.index)
    .map(({ lot }) => lot);
}

/**
 * The lots that still hold points, oldest first, from a customer's whole ledger (any order). Each
 * credit is a lot; each debit's allocations are taken from the lots they name. Expired-but-not-yet-
 * expired lots are included (expiringLots finds them). Throws when the ledger is inconsistent: a
 * debit whose allocations do not add up to its points, an allocation to an unknown lot, a lot spent
 * below zero, a credit without expiry, a sign that does not fit the type.
 */
export function openLots(entries: readonly LedgerEntry[]): Lot[] {
  const lots = new Map<string, Lot>();
  for (const entry of entries) {
    checkPoints(entry.points, `entry ${entry.id} points`);
    if (!isCredit(entry)) continue;
    if (entry.points < 0) throw new RangeError(`entry ${entry.id}: an EARN cannot be negative`);
    if (!entry.expiresAt) throw new RangeError(`entry ${entry.id}: a credit needs expiresAt`);
    if (lots.has(entry.id)) throw new RangeError(`entry ${entry.id} appears twice`);
    lots.set(entry.id, { lotId: entry.id, earnedAt: entry.occurredAt, expiresAt: entry.expiresAt, points: entry.points, remaining: entry.points });
  }
  for (const entry of entries) {
    if (isCredit(entry)) continue;
    if (entry.points > 0) throw new RangeError(`entry ${entry.id}: a ${entry.type} cannot be positive`);
    let allocated = 0;
    for (const allocation of entry.allocations ?? []) {
      checkPoints(allocation.points, `entry ${entry.id} allocation`);
      if (allocation.points <= 0) throw new RangeError(`entry ${entry.id}: allocations must be positive`);
      const lot = lots.get(allocation.lotId);
      if (!lot) throw new RangeError(`entry ${entry.id} takes from unknown lot ${allocation.lotId}`);
      lot.remaining -= allocation.points;
      if (lot.remaining < 0) throw new RangeError(`lot ${lot.lotId} is spent below zero (by entry ${entry.id})`);
      allocated += allocation.points;
    }
    if (allocated !== -entry.points) throw new RangeError(`entry ${entry.id}: allocations add up to ${allocated}, not ${-entry.points}`);
  }
  return byAge([...lots.values()].filter((lot) => lot.remaining > 0));
}

/** Points that can still be spent at `now`: the open lots not yet past their expiry. */
export function spendableBalance(lots: readonly Lot[], now: Date): number {
  return lots.reduce((sum, lot) => (lot.expiresAt > now ? sum + lot.remaining : sum), 0);
}
