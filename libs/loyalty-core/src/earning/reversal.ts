import { onCommonScale } from '@rekindle/util';
import { toSafePoints } from './factors';

export interface PointsReversal {
  /** The points the order's EARN entry recorded (the app stores them; never recompute them). */
  earnedPoints: number;
  /** The order's value as earned on, a decimal string. */
  orderValue: string;
  /** The amount cancelled or refunded now; omitted for a full reversal (of whatever is left). */
  amountReversed?: string;
  /** The money earlier reversals of this order already covered; "0" or omitted when none. */
  previouslyReversed?: string;
}

/**
 * Points a cancellation or refund takes back: exactly what the order earned, pro rata for a
 * partial reversal. After reversals totalling R (capped at the order's value V) the order has
 * given back floor(E × R / V) of its E points, and E once R reaches V; each reversal takes the
 * difference that it makes to that total:
 *
 *   take = taken(min(V, previous + amount)) − taken(min(V, previous)),  taken(R) = R ≥ V ? E : floor(E × R / V)
 *
 * Rounding down favours the customer on each partial refund, yet the parts always add up: refunds
 * of 50 and then 49.99 on a 99.99 order that earned 99 take 49 and then 50, in all 99. A full
 * reversal after partial ones takes the rest. An order of value 0 gives its points back on the first
 * reversal. What the ledger can actually take back when points were already spent is planReversal's
 * business. Returns a non-negative whole number of points.
 */
export function reversalFor(input: PointsReversal): number {
  const { earnedPoints } = input;
  if (!Number.isSafeInteger(earnedPoints) || earnedPoints < 0) throw new RangeError(`earnedPoints must be a non-negative whole number, got ${earnedPoints}`);
  const {
    values: [value = 0n, previous = 0n, amount = 0n],
  } = onCommonScale(input.orderValue, input.previouslyReversed ?? '0', input.amountReversed ?? input.orderValue);
  const earned = BigInt(earnedPoints);
  if (value === 0n) return previous === 0n ? earnedPoints : 0;
  const taken = (reversed: bigint) => (reversed >= value ? earned : (earned * reversed) / value);
  const before = previous >= value ? value : previous;
  const after = input.amountReversed === undefined || before + amount >= value ? value : before + amount;
  return toSafePoints(taken(after) - taken(before));
}
