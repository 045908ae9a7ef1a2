import { loyaltyProgramSchema, type LoyaltyProgram } from './loyalty-program';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The programme of issue 4: MEMBER 1.0, SILVER 1.2, GOLD 1.5, PLATINUM 2.0; SILVER after 3
 * consecutive active months; GOLD after 3 and 2,000 growth in the last 12 months; PLATINUM after 6
 * and 10,000; 2 consecutive inactive months drop one tier; 1 point per whole currency unit; double
 * points in the birthday month; points expire after 12 months. MEMBER_DISCOUNT's value is a percent.
 * Deeply frozen: copy it (structuredClone) to edit.
 */
export const DEFAULT_LOYALTY_PROGRAM: LoyaltyProgram = deepFreeze(
  loyaltyProgramSchema.parse({
    tiers: [
      { key: 'MEMBER', name: 'Member', multiplier: 1, privileges: [], promotion: null },
      {
        key: 'SILVER',
        name: 'Silver',
        multiplier: 1.2,
        privileges: [{ key: 'MEMBER_DISCOUNT', description: '5% member discount', value: 5 }],
        promotion: { activeMonths: 3, growthValue: 0 },
      },
      {
        key: 'GOLD',
        name: 'Gold',
        multiplier: 1.5,
        privileges: [{ key: 'FREE_SHIPPING', description: 'Free shipping', value: true }],
        promotion: { activeMonths: 3, growthValue: 2_000 },
      },
      {
        key: 'PLATINUM',
        name: 'Platinum',
        multiplier: 2,
        privileges: [{ key: 'DEDICATED_SERVICE_LINE', description: 'Dedicated service line', value: true }],
        promotion: { activeMonths: 6, growthValue: 10_000 },
      },
    ],
    demotion: { inactiveMonths: 2 },
    pointsPerUnit: 1,
    birthdayMultiplier: 2,
    pointsExpiryMonths: 12,
  }),
);
