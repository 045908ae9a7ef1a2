import { DEFAULT_LOYALTY_PROGRAM, pointsForOrder, type LoyaltyProgram, type TierKey } from '../index';

const program = DEFAULT_LOYALTY_PROGRAM;
const march = new Date('2024-03-15T12:00:00Z');
const points = (orderValue: string, tier: TierKey, birthDate: string | null = null, orderedAt = march, p: LoyaltyProgram = program) =>
  pointsForOrder({ orderValue, tier, birthDate, orderedAt, program: p });

describe('pointsForOrder', () => {
  it('earns 1 point per whole currency unit at MEMBER, dropping the fraction', () => {
    expect(points('100', 'MEMBER')).toBe(100);
    expect(points('99.99', 'MEMBER')).toBe(99);
    expect(points('0.99', 'MEMBER')).toBe(0);
    expect(points('0', 'MEMBER')).toBe(0);
  });

  it('multiplies by the tier and rounds the product down once', () => {
    expect(points('99.99', 'SILVER')).toBe(118); // 99 × 1.2 = 118.8
    expect(points('5', 'SILVER')).toBe(6); // exactly 6, not 5.999…
    expect(points('1', 'GOLD')).toBe(1); // 1.5
    expect(points('3', 'GOLD')).toBe(4); // 4.5
    expect(points('100', 'PLATINUM')).toBe(200);
  });

  it('is exact where floats are not', () => {
    const p = structuredClone(program) as LoyaltyProgram;
    p.tiers[1]!.multiplier = 1.13; // 100 × 1.13 is 112.99999999999999 in floats
    expect(points('100', 'SILVER', null, march, p)).toBe(113);
    p.tiers[1]!.multiplier = 1.1; // 3 × 1.1 is 3.3000000000000003 in floats
    expect(points('30', 'SILVER', null, march, p)).toBe(33);
  });

  it('doubles in the birthday month, rounding the whole product once', () => {
    expect(points('100', 'MEMBER', '1990-03-31')).toBe(200);
    expect(points('99.99', 'SILVER', '1990-03-01')).toBe(237); // floor(99 × 1.2 × 2 = 237.6), not 2 × 118
    expect(points('99.99', 'SILVER', '1990-04-01')).toBe(118);
  });

  it('applies the birthday bonus from the first to the last instant of the month (UTC)', () => {
    expect(points('10', 'MEMBER', '1990-03-20', new Date('2024-03-01T00:00:00.000Z'))).toBe(20);
    expect(points('10', 'MEMBER', '1990-03-20', new Date('2024-03-31T23:59:59.999Z'))).toBe(20);
    expect(points('10', 'MEMBER', '1990-03-20', new Date('2024-02-29T23:59:59.999Z'))).toBe(10);
    expect(points('10', 'MEMBER', '1990-03-20', new Date('2024-04-01T00:00:00.000Z'))).toBe(10);
  });

  it('celebrates a 29 February birthday in February of a non-leap year', () => {
    expect(points('10', 'MEMBER', '2000-02-29', new Date('2023-02-28T10:00:00Z'))).toBe(20);
    expect(points('10', 'MEMBER', '2000-02-29', new Date('2023-03-01T00:00:00Z'))).toBe(10);
  });

  it('uses the configured points per unit and birthday multiplier', () => {
    const p = structuredClone(program) as LoyaltyProgram;
    p.pointsPerUnit = 0.5;
    p.birthdayMultiplier = 1.5;
    expect(points('101', 'MEMBER', null, march, p)).toBe(50); // 50.5
    expect(points('101', 'GOLD', '1990-03-01', march, p)).toBe(113); // 101 × 0.5 × 1.5 × 1.5 = 113.625
  });

  it('handles large orders exactly and refuses bad input', () => {
    expect(points('12345678901234.9999', 'PLATINUM')).toBe(24_691_357_802_468);
    expect(() => points('-5', 'MEMBER')).toThrow(RangeError);
    expect(() => points('abc', 'MEMBER')).toThrow(RangeError);
    expect(() => points('9999999999999999', 'PLATINUM', '1990-03-01')).toThrow(RangeError);
  });
});
