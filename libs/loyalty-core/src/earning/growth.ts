import { onCommonScale, wholeUnits } from '@rekindle/util';
import { toSafePoints } from './factors';
import { addMonths, monthOf, type Month } from '../time/months';

/** Growth value is measured over the 12 calendar months ending with (and including) the evaluated month. */
export const GROWTH_WINDOW_MONTHS = 12;

/**
 * Growth value of an order: 1 per whole currency unit of its net value (value minus what has been
 * refunded or cancelled), rounded down, never multiplied by tier or birthday. "2500.90" -> 2500.
 */
export function growthForOrder(netValue: string): number {
  return toSafePoints(wholeUnits(netValue));
}

export interface GrowthReversal {
  orderValue: string;
  /** The amount cancelled or refunded now; omitted for a full reversal of what is left. */
  amountReversed?: string;
  /** What earlier reversals of the same order already took back (money); "0" when none. */
  previouslyReversed?: string;
}

/**
 * Growth to take back for a cancellation or refund, so that an order's growth always equals
 * growthForOrder(its net value): floor(value − previous) − floor(value − previous − amount).
 * Reversals beyond the order's value are capped at it, so growth never goes below zero for an order.
 * Example: order 100.50 (growth 100), refund 0.60 -> net 99.90, growth 99: take back 1.
 */
export function growthReversal(input: GrowthReversal): number {
  const {
    values: [value = 0n, previous = 0n, amount],
    scale,
  } = onCommonScale(input.orderValue, input.previouslyReversed ?? '0', input.amountReversed ?? input.orderValue);
  const netBefore = previous >= value ? 0n : value - previous;
  const netAfter = input.amountReversed === undefined || amount === undefined || amount >= netBefore ? 0n : netBefore - amount;
  return toSafePoints(netBefore / scale - netAfter / scale);
}

/** Growth entries (an order's growth or a reversal's negative growth) dated by the ORDER's time. */
export interface GrowthEntry {
  at: Date;
  growth: number;
}

/** Net growth per calendar month (UTC), for growthLast12Months and evaluateHistory. */
export function growthByMonth(entries: Iterable<GrowthEntry>): Map<Month, number> {
  const byMonth = new Map<Month, number>();
  for (const entry of entries) {
    const month = monthOf(entry.at);
    byMonth.set(month, (byMonth.get(month) ?? 0) + entry.growth);
  }
  return byMonth;
}

/** Growth over the 12 months ending with `month` (month − 11 … month), never below zero. */
export function growthLast12Months(byMonth: ReadonlyMap<Month, number>, month: Month): number {
  let sum = 0;
  for (let back = 0; back < GROWTH_WINDOW_MONTHS; back++) sum += byMonth.get(addMonths(month, -back)) ?? 0;
  return Math.max(0, sum);
}
