import { DEFAULT_LOYALTY_PROGRAM, privilegesFor, tierAbove, tierBelow, tierOf, tierRank, type LoyaltyProgram } from '../index';

describe('tiers of the programme', () => {
  it('orders MEMBER < SILVER < GOLD < PLATINUM', () => {
    expect(tierRank('MEMBER')).toBe(0);
    expect(tierRank('PLATINUM')).toBe(3);
    expect(tierAbove('GOLD')).toBe('PLATINUM');
    expect(tierAbove('PLATINUM')).toBeNull();
    expect(tierBelow('SILVER')).toBe('MEMBER');
    expect(tierBelow('MEMBER')).toBeNull();
    expect(tierOf(DEFAULT_LOYALTY_PROGRAM, 'GOLD').multiplier).toBe(1.5);
    expect(() => tierRank('BRONZE' as never)).toThrow(RangeError);
  });

  it('gives a tier its own privileges and those of the tiers below', () => {
    expect(privilegesFor('MEMBER', DEFAULT_LOYALTY_PROGRAM)).toEqual([]);
    expect(privilegesFor('GOLD', DEFAULT_LOYALTY_PROGRAM).map((p) => p.key)).toEqual(['MEMBER_DISCOUNT', 'FREE_SHIPPING']);
    expect(privilegesFor('PLATINUM', DEFAULT_LOYALTY_PROGRAM).map((p) => p.key)).toEqual(['MEMBER_DISCOUNT', 'FREE_SHIPPING', 'DEDICATED_SERVICE_LINE']);
  });

  it('lets a higher tier replace a privilege of the same key, in its place', () => {
    const program = structuredClone(DEFAULT_LOYALTY_PROGRAM) as LoyaltyProgram;
    program.tiers[2]!.privileges.push({ key: 'MEMBER_DISCOUNT', description: '10% member discount', value: 10 });
    expect(privilegesFor('GOLD', program).map((p) => [p.key, p.value])).toEqual([
      ['MEMBER_DISCOUNT', 10],
      ['FREE_SHIPPING', true],
    ]);
    expect(privilegesFor('SILVER', program).map((p) => p.value)).toEqual([5]);
  });
});
