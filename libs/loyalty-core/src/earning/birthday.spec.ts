import { isBirthdayMonth } from '../index';

describe('isBirthdayMonth', () => {
  it('holds from the first to the last instant of the birth month, in UTC', () => {
    expect(isBirthdayMonth('1990-06-15', new Date('2024-06-01T00:00:00.000Z'))).toBe(true);
    expect(isBirthdayMonth('1990-06-15', new Date('2024-06-30T23:59:59.999Z'))).toBe(true);
    expect(isBirthdayMonth('1990-06-15', new Date('2024-05-31T23:59:59.999Z'))).toBe(false);
    expect(isBirthdayMonth('1990-06-15', new Date('2024-07-01T00:00:00.000Z'))).toBe(false);
  });

  it('reads the month in UTC, not in the offset the time was written with', () => {
    expect(isBirthdayMonth('1990-06-15', new Date('2024-07-01T01:00:00+02:00'))).toBe(true);
  });

  it('celebrates a 29 February birthday in February, leap year or not', () => {
    expect(isBirthdayMonth('2000-02-29', new Date('2023-02-28T23:59:59.999Z'))).toBe(true);
    expect(isBirthdayMonth('2000-02-29', new Date('2023-02-01T00:00:00.000Z'))).toBe(true);
    expect(isBirthdayMonth('2000-02-29', new Date('2023-03-01T00:00:00.000Z'))).toBe(false);
    expect(isBirthdayMonth('2000-02-29', new Date('2024-02-29T12:00:00.000Z'))).toBe(true);
  });

  it('never holds without a birth date and refuses a malformed one', () => {
    expect(isBirthdayMonth(null, new Date('2024-06-01T00:00:00Z'))).toBe(false);
    expect(() => isBirthdayMonth('1990-13-01', new Date())).toThrow(RangeError);
    expect(() => isBirthdayMonth('15/06/1990', new Date())).toThrow(RangeError);
  });
});
