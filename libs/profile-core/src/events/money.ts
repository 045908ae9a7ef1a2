import { z } from 'zod';

/**
 * Money is exact: amounts travel as canonical decimal strings ("2.55", "10", "0") with at most
 * four decimals and are added as BigInt counts of 1/10,000 of the unit, never as floats, so that
 * 0.1 + 0.2 is exactly 0.3. Four decimals and 14 integer digits fit PostgreSQL numeric(18,4).
 */
export const MONEY_DECIMALS = 4;
export const MONEY_MAX_INTEGER_DIGITS = 14;

const SCALE = 10n ** BigInt(MONEY_DECIMALS);
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

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
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, message: `must be a decimal amount with at most ${MONEY_DECIMALS} decimals, got "${text}"` };
  const [, sign, whole = '', fraction = ''] = match;
  if (fraction.length > MONEY_DECIMALS) return { ok: false, message: `must have at most ${MONEY_DECIMALS} decimals, got "${text}"` };
  const minor = toMinorUnits(text);
  if (sign === '-' && minor !== 0n) return { ok: false, message: 'must not be negative' };
  if (whole.replace(/^0+/, '').length > MONEY_MAX_INTEGER_DIGITS) {
    return { ok: false, message: `must be less than 10^${MONEY_MAX_INTEGER_DIGITS}` };
  }
  return { ok: true, value: fromMinorUnits(minor) };
}

/** The zod form of {@link parseMoney}: a non-negative amount, normalised to its canonical string. */
export const moneySchema = z.unknown().transform((value, ctx) => {
  const parsed = parseMoney(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});

/** "12.5" -> 125000n. Accepts a sign; throws on anything but a decimal with at most 4 decimals. */
export function toMinorUnits(amount: string): bigint {
  const match = DECIMAL.exec(amount);
  const [, sign, whole = '', fraction = ''] = match ?? [];
  if (!match || fraction.length > MONEY_DECIMALS) throw new RangeError(`not a decimal amount with at most ${MONEY_DECIMALS} decimals: "${amount}"`);
  const minor = BigInt(whole) * SCALE + BigInt(fraction.padEnd(MONEY_DECIMALS, '0'));
  return sign === '-' ? -minor : minor;
}

/** 125000n -> "12.5": no trailing zeros, no decimal point for whole amounts. */
export function fromMinorUnits(minor: bigint): string {
  const negative = minor < 0n;
  const abs = negative ? -minor : minor;
  const whole = (abs / SCALE).toString();
  const fraction = (abs % SCALE).toString().padStart(MONEY_DECIMALS, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** Exact sum of decimal amounts (signed amounts allowed, e.g. net revenue after refunds). */
export function sumMoney(values: readonly string[]): string {
  return fromMinorUnits(values.reduce((sum, value) => sum + toMinorUnits(value), 0n));
}

/** Exact Σ quantity × unitPrice of an order's lines. */
export function orderTotal(lines: readonly { quantity: number; unitPrice: string }[]): string {
  return fromMinorUnits(lines.reduce((sum, line) => sum + toMinorUnits(line.unitPrice) * BigInt(line.quantity), 0n));
}
