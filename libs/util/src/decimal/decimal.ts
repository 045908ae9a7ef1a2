/**
 * Exact decimals (DESIGN.md §4): numbers travel as decimal text ("12.50", "-3", "0.1": digits, an
 * optional fraction, no exponent) and are computed as BigInt, never as floats.
 */
export const DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;

/** The pieces of a decimal's text: "-012.50" -> { negative: true, whole: '012', fraction: '50' }. */
export interface DecimalParts {
  negative: boolean;
  whole: string;
  fraction: string;
}

/** An exact decimal: `units / 10^decimals` (units carry the sign). */
export interface ExactDecimal {
  units: bigint;
  decimals: number;
}

const MAX_AMOUNT_LENGTH = 64;

export function isDecimal(value: unknown): value is string {
  return typeof value === 'string' && DECIMAL_PATTERN.test(value);
}

/** The pieces of `text`, or null when it is not a decimal. */
export function decimalParts(text: string): DecimalParts | null {
  if (!DECIMAL_PATTERN.test(text)) return null;
  const negative = text.startsWith('-');
  const [whole = '', fraction = ''] = (negative ? text.slice(1) : text).split('.');
  return { negative, whole, fraction };
}

/** Reads a decimal such as "-12.5"; throws a RangeError for anything else. */
export function parseDecimal(text: string): ExactDecimal {
  const parts = decimalParts(text);
  if (!parts) throw new RangeError(`not a decimal: "${text.slice(0, MAX_AMOUNT_LENGTH)}"`);
  const units = BigInt(parts.whole + parts.fraction);
  return { units: parts.negative ? -units : units, decimals: parts.fraction.length };
}

/**
 * Reads a non-negative decimal amount such as "12.5" or "0.99" (of at most 64 characters, so an
 * event cannot make it work on a huge number); throws a RangeError otherwise.
 */
export function parseAmount(amount: string): ExactDecimal {
  if (amount.length > MAX_AMOUNT_LENGTH || amount.startsWith('-') || !DECIMAL_PATTERN.test(amount)) {
    throw new RangeError(`not a non-negative decimal amount: "${amount.slice(0, MAX_AMOUNT_LENGTH)}"`);
  }
  return parseDecimal(amount);
}

/** Canonical text: no leading zeros, no trailing fractional zeros, no point for a whole number, never "-0". */
export function formatDecimal({ units, decimals }: ExactDecimal): string {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** '12.5000' -> '12.5', '007.10' -> '7.1', '-0.00' -> '0'. Throws a RangeError for what is not a decimal. */
export function canonicalDecimal(text: string): string {
  return formatDecimal(parseDecimal(text));
}

/** The decimal as a count of 1/10^decimals: ("12.5", 4) -> 125000n. Throws when it has more decimals than that. */
export function toScaled(text: string, decimals: number): bigint {
  const parsed = parseDecimal(text);
  if (parsed.decimals > decimals) throw new RangeError(`not a decimal with at most ${decimals} decimals: "${text}"`);
  return parsed.units * 10n ** BigInt(decimals - parsed.decimals);
}

/** The inverse of toScaled, in canonical form: (125000n, 4) -> "12.5". */
export function fromScaled(value: bigint, decimals: number): string {
  return formatDecimal({ units: value, decimals });
}

/** The whole units of a non-negative amount, rounded down: "99.99" -> 99n. */
export function wholeUnits(amount: string): bigint {
  const { units, decimals } = parseAmount(amount);
  return units / 10n ** BigInt(decimals);
}

/**
 * Non-negative amounts as integers on one common scale (`value / scale` each), so they can be
 * compared, added, subtracted and divided exactly: ("1.5", "2.25") -> { values: [150n, 225n], scale: 100n }.
 */
export function onCommonScale(...amounts: string[]): { values: bigint[]; scale: bigint } {
  const parsed = amounts.map(parseAmount);
  const decimals = Math.max(0, ...parsed.map((p) => p.decimals));
  return { values: parsed.map((p) => p.units * 10n ** BigInt(decimals - p.decimals)), scale: 10n ** BigInt(decimals) };
}
