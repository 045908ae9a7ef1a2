import { wholeUnits } from '@rekindle/util';
import { FACTOR_SCALE, factorToScaled, toSafePoints } from './factors';
import type { LoyaltyProgram } from '../program/loyalty-program';
import { tierOf } from '../program/program-tiers';
import type { TierKey } from '../program/tiers';
import { isBirthdayMonth } from './birthday';

export interface OrderEarning {
  /** The order's value: a non-negative decimal string ("123.45"). */
  orderValue: string;
  /** The customer's tier when the order was placed. */
  tier: TierKey;
  /** 'YYYY-MM-DD' or null when unknown. */
  birthDate: string | null;
  orderedAt: Date;
  program: LoyaltyProgram;
}

/**
 * Points an order earns:
 *
 *   floor( floor(orderValue) × pointsPerUnit × tierMultiplier × (birthdayMultiplier in the birthday month) )
 *
 * The value is first cut to whole currency units (99.99 counts as 99), then multiplied exactly
 * (every factor has at most four decimals, held as BigInt), and the product is rounded down ONCE at
 * the end. So 99.99 at SILVER (1.2) earns floor(118.8) = 118, and in the birthday month
 * floor(99 × 1.2 × 2) = floor(237.6) = 237, not 2 × 118 = 236. The birthday month is the UTC
 * calendar month of `orderedAt` (see isBirthdayMonth). Throws a RangeError for a negative or
 * malformed value and for a result beyond Number.MAX_SAFE_INTEGER.
 */
export function pointsForOrder(input: OrderEarning): number {
  const { program } = input;
  const units = wholeUnits(input.orderValue);
  const birthday = isBirthdayMonth(input.birthDate, input.orderedAt) ? factorToScaled(program.birthdayMultiplier) : FACTOR_SCALE;
  const product = units * factorToScaled(program.pointsPerUnit) * factorToScaled(tierOf(program, input.tier).multiplier) * birthday;
  return toSafePoints(product / FACTOR_SCALE ** 3n);
}
