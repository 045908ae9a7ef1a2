/**
 * Calendar months in UTC, written 'YYYY-MM'. A month "ends" at the first instant of the next month:
 * that instant is when a month-end evaluation takes effect (the `tierSince` of a tier it changes).
 */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): boolean {
  return MONTH.test(value);
}

/** 'YYYY-MM' -> months since year 0 (January of year 0 is 0). Throws on anything else. */
function monthIndex(month: Month): number {
  const match = MONTH.exec(month);
  if (!match) throw new RangeError(`not a month 'YYYY-MM': "${month}"`);
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

function fromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  if (year < 0 || year > 9999) throw new RangeError(`month out of range: year ${year}`);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function checkDate(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('not a valid date');
  return time;
}

/** The UTC calendar month holding `date`. */
export function monthOf(date: Date): Month {
  checkDate(date);
  return fromIndex(date.getUTCFullYear() * 12 + date.getUTCMonth());
}

/** `month` moved by `n` months (n may be negative). */
export function addMonths(month: Month, n: number): Month {
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  return fromIndex(monthIndex(month) + n);
}

/** Months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: Month, to: Month): number {
  return monthIndex(to) - monthIndex(from);
}

/** Negative, zero or positive as `a` is before, equal to or after `b`. */
export function compareMonths(a: Month, b: Month): number {
  return monthIndex(a) - monthIndex(b);
}

/** The first instant of `month` (UTC). */
export function monthStart(month: Month): Date {
  const index = monthIndex(month);
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(index / 12), index % 12, 1);
  return date;
}

/** The end of `month`: the first instant of the following month (exclusive bound). */
export function monthEnd(month: Month): Date {
  return monthStart(addMonths(month, 1));
}

/**
 * `date` plus `n` calendar months, keeping the UTC time of day. A day that the target month lacks
 * is clamped to its last day: 31 January + 1 month is 28 (or 29) February, 29 February 2024 + 12
 * months is 28 February 2025. Never rolls over into the month after.
 */
export function addCalendarMonths(date: Date, n: number): Date {
  checkDate(date);
  if (!Number.isInteger(n)) throw new RangeError(`not a whole number of months: ${n}`);
  const index = date.getUTCFullYear() * 12 + date.getUTCMonth() + n;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  if (year < 0 || year > 9999) throw new RangeError(`date out of range: year ${year}`);
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)));
  return result;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month; `month` is 0-based as in Date (0 = January). */
function daysInMonth(year: number, month: number): number {
  return month === 1 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month] ?? 31);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
