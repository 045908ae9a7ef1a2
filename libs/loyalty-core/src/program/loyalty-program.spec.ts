import { DEFAULT_LOYALTY_PROGRAM, loyaltyProgramSchema, validateLoyaltyProgram, type LoyaltyProgram } from '../index';

const copy = (): LoyaltyProgram => structuredClone(DEFAULT_LOYALTY_PROGRAM) as LoyaltyProgram;

describe('DEFAULT_LOYALTY_PROGRAM', () => {
  it('is the programme of the issue', () => {
    const p = DEFAULT_LOYALTY_PROGRAM;
    expect(p.tiers.map((t) => [t.key, t.multiplier])).toEqual([
      ['MEMBER', 1],
      ['SILVER', 1.2],
      ['GOLD', 1.5],
      ['PLATINUM', 2],
    ]);
    expect(p.tiers.map((t) => t.promotion)).toEqual([
      null,
      { activeMonths: 3, growthValue: 0 },
      { activeMonths: 3, growthValue: 2_000 },
      { activeMonths: 6, growthValue: 10_000 },
    ]);
    expect(p.demotion).toEqual({ inactiveMonths: 2 });
    expect([p.pointsPerUnit, p.birthdayMultiplier, p.pointsExpiryMonths]).toEqual([1, 2, 12]);
    expect(p.tiers.map((t) => t.privileges.map((v) => [v.key, v.value]))).toEqual([
      [],
      [['MEMBER_DISCOUNT', 5]],
      [['FREE_SHIPPING', true]],
      [['DEDICATED_SERVICE_LINE', true]],
    ]);
  });

  it('is valid and frozen all the way down', () => {
    expect(validateLoyaltyProgram(DEFAULT_LOYALTY_PROGRAM)).toEqual({ ok: true, program: DEFAULT_LOYALTY_PROGRAM });
    expect(Object.isFrozen(DEFAULT_LOYALTY_PROGRAM.tiers[1]?.privileges[0])).toBe(true);
  });
});

describe('validateLoyaltyProgram', () => {
  const issuesOf = (edit: (p: LoyaltyProgram) => void, prefix?: string) => {
    const program = copy();
    edit(program);
    const result = validateLoyaltyProgram(program, prefix);
    return result.ok ? [] : result.issues;
  };

  it.each<[string, (p: LoyaltyProgram) => void, string, string]>([
    ['a zero multiplier', (p) => void (p.tiers[2]!.multiplier = 0), 'tiers[2].multiplier', 'must be greater than 0'],
    ['a negative multiplier', (p) => void (p.tiers[0]!.multiplier = -1), 'tiers[0].multiplier', 'must be greater than 0'],
    ['a multiplier with 5 decimals', (p) => void (p.tiers[1]!.multiplier = 1.23456), 'tiers[1].multiplier', 'at most 4 decimals'],
    ['a multiplier above 100', (p) => void (p.tiers[3]!.multiplier = 101), 'tiers[3].multiplier', 'at most 100'],
    ['an unknown tier', (p) => void ((p.tiers[3] as { key: string }).key = 'DIAMOND'), 'tiers[3].key', 'must be one of MEMBER'],
    ['months decreasing up the tiers', (p) => void (p.tiers[3]!.promotion!.activeMonths = 2), 'tiers[3].promotion.activeMonths', 'must not be below 3 (GOLD)'],
    ['growth decreasing up the tiers', (p) => void (p.tiers[3]!.promotion!.growthValue = 1_999), 'tiers[3].promotion.growthValue', 'must not be below 2000'],
    ['a promotion for the lowest tier', (p) => void (p.tiers[0]!.promotion = { activeMonths: 1, growthValue: 0 }), 'tiers[0].promotion', 'must be null'],
    ['no promotion for a higher tier', (p) => void (p.tiers[2]!.promotion = null), 'tiers[2].promotion', 'is required'],
    ['zero active months', (p) => void (p.tiers[1]!.promotion!.activeMonths = 0), 'tiers[1].promotion.activeMonths', 'at least 1'],
    ['fractional growth', (p) => void (p.tiers[2]!.promotion!.growthValue = 10.5), 'tiers[2].promotion.growthValue', 'whole number'],
    ['zero inactive months', (p) => void (p.demotion.inactiveMonths = 0), 'demotion.inactiveMonths', 'at least 1'],
    ['a birthday multiplier below 1', (p) => void (p.birthdayMultiplier = 0.5), 'birthdayMultiplier', 'at least 1'],
    ['zero points per unit', (p) => void (p.pointsPerUnit = 0), 'pointsPerUnit', 'greater than 0'],
    ['an expiry of 1.5 months', (p) => void (p.pointsExpiryMonths = 1.5), 'pointsExpiryMonths', 'whole number'],
    ['a duplicate privilege', (p) => void p.tiers[1]!.privileges.push({ key: 'MEMBER_DISCOUNT', description: 'again', value: 10 }), 'tiers[1].privileges[1].key', 'duplicates'],
    ['a privilege key in lower case', (p) => void (p.tiers[2]!.privileges[0]!.key = 'free'), 'tiers[2].privileges[0].key', 'SCREAMING_CASE'],
    ['an empty tier name', (p) => void (p.tiers[1]!.name = '  '), 'tiers[1].name', 'must not be empty'],
  ])('names the field for %s', (_case, edit, field, message) => {
    expect(issuesOf(edit)).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it('reports tiers out of order, and only that', () => {
    expect(issuesOf((p) => void ([p.tiers[1], p.tiers[2]] = [p.tiers[2]!, p.tiers[1]!]))).toEqual([
      { field: 'tiers[1].key', message: 'must be SILVER: tiers are ordered MEMBER < SILVER < GOLD < PLATINUM' },
      { field: 'tiers[2].key', message: 'must be GOLD: tiers are ordered MEMBER < SILVER < GOLD < PLATINUM' },
    ]);
  });

  it('accepts equal thresholds up the tiers and a birthday multiplier of 1', () => {
    expect(issuesOf((p) => {
      p.tiers[3]!.promotion = { activeMonths: 3, growthValue: 2_000 };
      p.birthdayMultiplier = 1;
    })).toEqual([]);
  });

  it('reports every field issue at once, with a prefix when asked', () => {
    expect(issuesOf((p) => {
      p.tiers[1]!.multiplier = 0;
      p.tiers[2]!.multiplier = Number.NaN;
    }, 'input.program')).toEqual([
      { field: 'input.program.tiers[1].multiplier', message: 'must be greater than 0' },
      { field: 'input.program.tiers[2].multiplier', message: expect.any(String) },
    ]);
  });

  it('refuses a missing tier, a missing field and an unknown field', () => {
    expect(issuesOf((p) => void p.tiers.pop())).toEqual([{ field: 'tiers', message: expect.stringContaining('exactly 4 tiers') }]);
    const { pointsPerUnit: _dropped, ...rest } = copy();
    const missing = validateLoyaltyProgram(rest);
    expect(missing.ok ? [] : missing.issues).toEqual([{ field: 'pointsPerUnit', message: expect.any(String) }]);
    const extra = validateLoyaltyProgram({ ...copy(), bonus: 3 });
    expect(extra.ok ? [] : extra.issues).toEqual([{ field: 'bonus', message: 'is not a known field' }]);
    const nested = validateLoyaltyProgram({ ...copy(), demotion: { inactiveMonths: 2, grace: 1 } });
    expect(nested.ok ? [] : nested.issues).toEqual([{ field: 'demotion.grace', message: 'is not a known field' }]);
  });

  it('refuses what is not a programme at all', () => {
    const result = validateLoyaltyProgram('gold');
    expect(result.ok).toBe(false);
    expect(loyaltyProgramSchema.safeParse(null).success).toBe(false);
  });
});
