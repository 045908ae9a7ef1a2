/**
 * Exact decimals for loyalty arithmetic, as BigInt. Amounts arrive as decimal strings ("12.50",
 * the form of the contracts' money fields) with any number of decimals; factors of the programme
 * (multipliers, points per unit) are numbers with at most four decimals, read through their
 * shortest decimal form, so 1.2 is exactly 12/10 and never 1.19999999999999995559.
 */

const AMOUNT = /^(\d+)(?:\.(\d+))?$/;
const MAX_AMOUNT_LENGTH = 64;

/** An exact non-negative decimal: `units / 10^decimals`. */
export interface ExactDecimal {
  units: bigint;
  decimals: number;
}

/** Reads a non-negative decimal amount such as "12.5" or "0.99". Throws a RangeError otherwise. */
export function parseAmount(amount: string): ExactDecimal {
  const match = amount.length <= MAX_AMOUNT_LENGTH ? AMOUNT.exec(amount) : null;
  if (!match) throw new RangeError(`not a non-negative decimal amount: "${amount.slice(0, MAX_AMOUNT_LENGTH)}"`);
  const [, whole = '', fraction = ''] = match;
  return { units: BigInt(whole + fraction), decimals: fraction.length };
}

/** The whole currency units of an amount, rounded down: "99.99" -> 99n. */
export function wholeUnits(amount: string): bigint {
  const { units, decimals } = parseAmount(amount);
  return units / 10n ** BigInt(decimals);
}

/**
 * Amounts as integers on one common scale (`value / scale` each), so they can be compared, added,
 * subtracted and divided exactly: ("1.5", "2.25") -> { values: [150n, 225n], scale: 100n }.
 */
export function onCommonScale(...amounts: string[]): { values: bigint[]; scale: bigint } {
  const parsed = amounts.map(parseAmount);
  const decimals = Math.max(0, ...parsed.map((p) => p.decimals));
  return { values: parsed.map((p) => p.units * 10n ** BigInt(decimals - p.decimals)), scale: 10n ** BigInt(decimals) };
}

/** Factors (multipliers, points per unit) are held as counts of 1/10,000. */
export const FACTOR_DECIMALS = 4;
export const FACTOR_SCALE = 10n ** BigInt(FACTOR_DECIMALS);
const FACTOR = /^(\d+)(?:\.(\d{1,4}))?$/;

/** True when `value` is a finite non-negative number with at most four decimals in its shortest form. */
export function isExactFactor(value: number): boolean {
  return Number.isFinite(value) && FACTOR.test(String(value));
}

/** 1.2 -> 12000n (1/10,000ths). Throws for a number with more than four decimals or an exponent. */
export function factorToScaled(value: number): bigint {
  const match = Number.isFinite(value) ? FACTOR.exec(String(value)) : null;
  if (!match) throw new RangeError(`not a non-negative factor with at most ${FACTOR_DECIMALS} decimals: ${value}`);
  const [, whole = '', fraction = ''] = match;
  return BigInt(whole) * FACTOR_SCALE + BigInt(fraction.padEnd(FACTOR_DECIMALS, '0'));
}

/** A BigInt count of points as a number, refusing anything beyond Number.MAX_SAFE_INTEGER. */
export function toSafePoints(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new RangeError(`points out of range: ${value}`);
  }
  return Number(value);
}
