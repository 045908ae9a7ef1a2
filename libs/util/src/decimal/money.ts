import { decimalParts, fromScaled, toScaled } from './decimal';

/**
 * Money is exact: amounts travel as canonical decimal strings ("2.55", "10", "0") with at most
 * four decimals and are added as BigInt counts of 1/10,000 of the unit (minor units), never as
 * floats, so that 0.1 + 0.2 is exactly 0.3. Four decimals and 14 integer digits fit PostgreSQL
 * numeric(18,4).
 */
export const MONEY_DECIMALS = 4;
export const MONEY_MAX_INTEGER_DIGITS = 14;

export type MoneyParse = { ok: true; value: string } | { ok: false; message: string };

/**
 * Reads a non-negative amount sent as a decimal string or a JSON number. A number is read through
 * its shortest decimal form (String(n)), so 2.55 is "2.55" but 0.1 + 0.2 (0.30000000000000004)
 * has too many decimals and is refused: partners should send strings.
 */
export function parseMoney(value: unknown): MoneyParse {
  let text: string;
  if (typeof value === 'string') text = value.trim();
  else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
  else return { ok: false, message: 'must be a decimal amount (a string such as "12.50" or a number)' };
  const parts = decimalParts(text);
  if (!parts) return { ok: false, message: `must be a decimal amount with at most ${MONEY_DECIMALS} decimals, got "${text}"` };
  if (parts.fraction.length > MONEY_DECIMALS) return { ok: false, message: `must have at most ${MONEY_DECIMALS} decimals, got "${text}"` };
  if (parts.negative && /[1-9]/.test(parts.whole + parts.fraction)) return { ok: false, message: 'must not be negative' };
  if (parts.whole.replace(/^0+/, '').length > MONEY_MAX_INTEGER_DIGITS) {
    return { ok: false, message: `must be less than 10^${MONEY_MAX_INTEGER_DIGITS}` };
  }
  return { ok: true, value: fromMinorUnits(toMinorUnits(text)) };
}

/** "12.5" -> 125000n. Accepts a sign; throws a RangeError on anything but a decimal with at most 4 decimals. */
export function toMinorUnits(amount: string): bigint {
  return toScaled(amount, MONEY_DECIMALS);
}

/** 125000n -> "12.5": no trailing zeros, no decimal point for whole amounts. */
export function fromMinorUnits(minor: bigint): string {
  return fromScaled(minor, MONEY_DECIMALS);
}

/** Exact sum of decimal amounts (signed amounts allowed, e.g. net revenue after refunds). */
export function sumMoney(values: readonly string[]): string {
  return fromMinorUnits(values.reduce((sum, value) => sum + toMinorUnits(value), 0n));
}

/** Exact Σ quantity × unitPrice of an order's lines. */
export function orderTotal(lines: readonly { quantity: number; unitPrice: string }[]): string {
  return fromMinorUnits(lines.reduce((sum, line) => sum + toMinorUnits(line.unitPrice) * BigInt(line.quantity), 0n));
}
