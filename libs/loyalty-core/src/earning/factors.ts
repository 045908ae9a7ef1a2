import { isDecimal, toScaled } from '@rekindle/util';

/**
 * Factors of the programme (multipliers, points per unit) are numbers with at most four decimals,
 * read through their shortest decimal form, so 1.2 is exactly 12/10 and never
 * 1.19999999999999995559, and held as BigInt counts of 1/10,000.
 */
export const FACTOR_DECIMALS = 4;
export const FACTOR_SCALE = 10n ** BigInt(FACTOR_DECIMALS);

/** The shortest decimal form of a finite non-negative number, or null ("1e-7" and "NaN" are not decimals). */
const nonNegativeDecimal = (value: number): string | null => {
  const text = String(value);
  return Number.isFinite(value) && value >= 0 && isDecimal(text) ? text : null;
};

/** True when `value` is a finite non-negative number with at most four decimals in its shortest form. */
export function isExactFactor(value: number): boolean {
  const text = nonNegativeDecimal(value);
  return text !== null && (text.split('.')[1] ?? '').length <= FACTOR_DECIMALS;
}

/** 1.2 -> 12000n (1/10,000ths). Throws for a number with more than four decimals or an exponent. */
export function factorToScaled(value: number): bigint {
  const text = nonNegativeDecimal(value);
  if (text === null || !isExactFactor(value)) throw new RangeError(`not a non-negative factor with at most ${FACTOR_DECIMALS} decimals: ${value}`);
  return toScaled(text, FACTOR_DECIMALS);
}

/** A BigInt count of points as a number, refusing anything beyond Number.MAX_SAFE_INTEGER. */
export function toSafePoints(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`points out of range: ${value}`);
  }
  return Number(value);
}
