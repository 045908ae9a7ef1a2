const BIRTH_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * True when `at` falls in the customer's birthday month, in UTC: from the first instant of that
 * month to its last millisecond. Only the month of the birth date matters, so a 29 February
 * birthday is celebrated in February every year, leap or not. A null birth date is never a
 * birthday. Throws a RangeError for a birth date that is not 'YYYY-MM-DD'.
 */
export function isBirthdayMonth(birthDate: string | null, at: Date): boolean {
  if (birthDate === null) return false;
  const match = BIRTH_DATE.exec(birthDate);
  if (!match) throw new RangeError(`not a birth date 'YYYY-MM-DD': "${birthDate}"`);
  if (Number.isNaN(at.getTime())) throw new RangeError('not a valid date');
  return Number(match[2]) === at.getUTCMonth() + 1;
}
