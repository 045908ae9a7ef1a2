import type { LotAllocation, Lot, PlannedDebit } from './ledger-entry';
import { byAge, spendableBalance } from './lots';

export const INSUFFICIENT_POINTS = 'INSUFFICIENT_POINTS';

export type RedemptionPlan =
  | { ok: true; entry: PlannedDebit; balanceAfter: number }
  | { ok: false; code: typeof INSUFFICIENT_POINTS; requested: number; available: number; message: string };

function checkRequest(points: number): void {
  if (!Number.isSafeInteger(points) || points <= 0) throw new RangeError(`points must be a positive whole number, got ${points}`);
}

/** Takes up to `points` from `lots` in the order given; the lots are not modified. */
function take(lots: readonly Lot[], points: number): LotAllocation[] {
  const allocations: LotAllocation[] = [];
  let left = points;
  for (const lot of lots) {
    if (left === 0) break;
    const used = Math.min(lot.remaining, left);
    if (used > 0) allocations.push({ lotId: lot.lotId, points: used });
    left -= used;
  }
  return allocations;
}

const live = (lots: readonly Lot[], now: Date) => byAge(lots.filter((lot) => lot.remaining > 0 && lot.expiresAt > now));

/**
 * Plans a redemption (or, with type 'ADJUST', a negative manual adjustment) of `points` at `now`:
 * the oldest lots are spent first, and lots at or past their expiry are not spendable (run
 * expiringLots first and record its entries in the same transaction). When the spendable balance
 * is short, nothing is taken: the result says INSUFFICIENT_POINTS, so a balance never goes below
 * zero. Concurrency is the app's: plan and insert under a lock on the account.
 */
export function planRedemption(lots: readonly Lot[], points: number, now: Date, type: 'REDEEM' | 'ADJUST' = 'REDEEM'): RedemptionPlan {
  checkRequest(points);
  const available = spendableBalance(lots, now);
  if (available < points) {
    return { ok: false, code: INSUFFICIENT_POINTS, requested: points, available, message: `cannot take ${points} points: the balance is ${available}` };
  }
  return { ok: true, entry: { type, points: -points, allocations: take(live(lots, now), points) }, balanceAfter: available - points };
}

export interface ReversalPlan {
  entry: PlannedDebit & { type: 'REVERSAL' };
  /** Points that could not be taken back because they were already spent; not carried as a debt. */
  shortfall: number;
}

/**
 * Plans taking back `points` (from reversalFor) for an order whose EARN entry is `lotId` (null when
 * unknown). The order's own lot gives first, while unspent and unexpired; the rest comes from the
 * other spendable lots, oldest first. The balance never goes below zero: when the customer has
 * already spent the points and holds fewer than are due, the reversal takes what there is and
 * records the remainder as `shortfall` on the REVERSAL entry. The shortfall is not a debt: it is
 * not recovered from later earnings; it is kept for reporting and manual follow-up (ADJUST).
 */
export function planReversal(lots: readonly Lot[], input: { points: number; lotId: string | null }, now: Date): ReversalPlan {
  if (!Number.isSafeInteger(input.points) || input.points < 0) throw new RangeError(`points must be a non-negative whole number, got ${input.points}`);
  const spendable = live(lots, now);
  const own = spendable.filter((lot) => lot.lotId === input.lotId);
  const allocations = take([...own, ...spendable.filter((lot) => lot.lotId !== input.lotId)], input.points);
  const taken = allocations.reduce((sum, a) => sum + a.points, 0);
  return { entry: { type: 'REVERSAL', points: taken === 0 ? 0 : -taken, allocations }, shortfall: input.points - taken }; // never -0
}
