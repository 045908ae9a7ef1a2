import { addCalendarMonths, addMonths, compareMonths, isMonth, monthEnd, monthOf, monthStart, monthsBetween } from '../index';

describe('months', () => {
  it('reads the UTC month of an instant, at its first and last millisecond', () => {
    expect(monthOf(new Date('2024-03-01T00:00:00.000Z'))).toBe('2024-03');
    expect(monthOf(new Date('2024-02-29T23:59:59.999Z'))).toBe('2024-02');
    expect(monthOf(new Date('2024-03-01T00:30:00+01:00'))).toBe('2024-02');
  });

  it('moves across years both ways', () => {
    expect(addMonths('2023-11', 3)).toBe('2024-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('2024-01', -13)).toBe('2022-12');
    expect(monthsBetween('2023-11', '2025-01')).toBe(14);
    expect(compareMonths('2023-12', '2024-01')).toBeLessThan(0);
  });

  it('starts and ends months in UTC; the end is the next month start', () => {
    expect(monthStart('2024-02').toISOString()).toBe('2024-02-01T00:00:00.000Z');
    expect(monthEnd('2024-12').toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(monthStart('0099-05').toISOString()).toBe('0099-05-01T00:00:00.000Z');
  });

  it('refuses what is not a month', () => {
    expect(isMonth('2024-13')).toBe(false);
    expect(isMonth('2024-1')).toBe(false);
    expect(() => addMonths('2024-00', 1)).toThrow(RangeError);
    expect(() => monthOf(new Date('nope'))).toThrow(RangeError);
  });

  it('adds calendar months keeping the time, clamping a missing day to the month end', () => {
    expect(addCalendarMonths(new Date('2023-03-15T10:20:30.400Z'), 12).toISOString()).toBe('2024-03-15T10:20:30.400Z');
    expect(addCalendarMonths(new Date('2024-01-31T12:00:00Z'), 1).toISOString()).toBe('2024-02-29T12:00:00.000Z');
    expect(addCalendarMonths(new Date('2023-01-31T12:00:00Z'), 1).toISOString()).toBe('2023-02-28T12:00:00.000Z');
    expect(addCalendarMonths(new Date('2024-02-29T08:00:00Z'), 12).toISOString()).toBe('2025-02-28T08:00:00.000Z');
    expect(addCalendarMonths(new Date('2024-02-29T08:00:00Z'), 48).toISOString()).toBe('2028-02-29T08:00:00.000Z');
    expect(addCalendarMonths(new Date('2024-03-31T00:00:00Z'), -1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });
});
