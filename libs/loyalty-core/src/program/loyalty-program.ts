import { z } from 'zod';
import { isExactFactor } from '../earning/factors';
import { TIER_KEYS } from './tiers';

const MAX_FACTOR = 100;
const MAX_MONTHS = 120;
/** Growth thresholds stay far below Number.MAX_SAFE_INTEGER. */
const MAX_GROWTH = 1_000_000_000_000;

/** A multiplier or rate: positive, at most 100, at most four decimals (so arithmetic on it is exact). */
const factor = (min: { value: number; inclusive: boolean }) =>
  z
    .number('must be a number')
    .refine((v) => (min.inclusive ? v >= min.value : v > min.value), min.inclusive ? `must be at least ${min.value}` : `must be greater than ${min.value}`)
    .refine((v) => v <= MAX_FACTOR, `must be at most ${MAX_FACTOR}`)
    .refine((v) => isExactFactor(Math.abs(v)), 'must have at most 4 decimals');

const months = (what: string) =>
  z
    .number('must be a number of months')
    .int(`must be a whole number of ${what}`)
    .min(1, 'must be at least 1')
    .max(MAX_MONTHS, `must be at most ${MAX_MONTHS}`);

const text = (max: number) => z.string('must be a string').trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/**
 * A privilege a tier grants, as data the campaign service and the frontends show. `value` is what
 * the privilege is worth where that means something (5 for a 5% discount, true for a yes/no
 * privilege), null where it does not.
 */
export const privilegeSchema = z.strictObject({
  key: z.string('must be a string').regex(/^[A-Z][A-Z0-9_]{0,63}$/, 'must be SCREAMING_CASE, at most 64 characters'),
  description: text(500),
  value: z.union([z.number(), z.string().max(200), z.boolean()], 'must be a number, a string, a boolean or null').nullable(),
});

/** What it takes to enter a tier from the one below, judged at a month end. */
export const promotionRuleSchema = z.strictObject({
  /** Consecutive active calendar months, up to and including the evaluated month. */
  activeMonths: months('months'),
  /** Growth value (whole currency units of net spend) over the 12 months ending with the evaluated month. */
  growthValue: z.number('must be a number').int('must be a whole number').min(0, 'must not be negative').max(MAX_GROWTH, `must be at most ${MAX_GROWTH}`),
});

export const tierSchema = z.strictObject({
  key: z.enum(TIER_KEYS, `must be one of ${TIER_KEYS.join(', ')}`),
  name: text(100),
  /** Points per whole unit are multiplied by this (1.0 = no bonus). Greater than 0. */
  multiplier: factor({ value: 0, inclusive: false }),
  /** What this tier adds; a tier also has the privileges of the tiers below it (see privilegesFor). */
  privileges: z.array(privilegeSchema).max(50, 'must hold at most 50 privileges'),
  /** How to reach this tier from the one below; null for the lowest tier, required for every other. */
  promotion: promotionRuleSchema.nullable(),
});

/**
 * The loyalty programme, validated. Tiers are listed lowest first and must be exactly MEMBER,
 * SILVER, GOLD, PLATINUM in that order; promotion thresholds (months and growth) may not decrease
 * up the tiers. Nothing is defaulted here: an update is a whole programme, so a field left out is
 * an error rather than a silent reset to a default (start from DEFAULT_LOYALTY_PROGRAM).
 */
export const loyaltyProgramSchema = z
  .strictObject({
    tiers: z.array(tierSchema),
    /** Consecutive inactive months (counted within the current tier) that drop a member one tier. */
    demotion: z.strictObject({ inactiveMonths: months('months') }),
    /** Points per whole currency unit of an order's value, before multipliers. */
    pointsPerUnit: factor({ value: 0, inclusive: false }),
    /** Applied in the customer's birthday month (UTC); 1 turns the birthday bonus off. */
    birthdayMultiplier: factor({ value: 1, inclusive: true }),
    /** Points expire this many calendar months after they were earned. */
    pointsExpiryMonths: months('months'),
  })
  .superRefine((program, ctx) => {
    if (program.tiers.length !== TIER_KEYS.length) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: `must list exactly ${TIER_KEYS.length} tiers, lowest first: ${TIER_KEYS.join(' < ')}` });
      return;
    }
    const misplaced = program.tiers.filter((tier, index) => tier.key !== TIER_KEYS[index]);
    if (misplaced.length > 0) {
      // Thresholds compared across misplaced tiers would only add noise: report the order alone.
      program.tiers.forEach((tier, index) => {
        const expected = TIER_KEYS[index];
        if (tier.key !== expected) {
          ctx.addIssue({ code: 'custom', path: ['tiers', index, 'key'], message: `must be ${expected}: tiers are ordered ${TIER_KEYS.join(' < ')}` });
        }
      });
      return;
    }
    program.tiers.forEach((tier, index) => {
      if (index === 0 && tier.promotion !== null) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'promotion'], message: 'must be null: every customer starts in the lowest tier' });
      }
      if (index > 0 && tier.promotion === null) {
        ctx.addIssue({ code: 'custom', path: ['tiers', index, 'promotion'], message: 'is required for every tier above the lowest' });
      }
      const seen = new Set<string>();
      tier.privileges.forEach((privilege, p) => {
        if (seen.has(privilege.key)) ctx.addIssue({ code: 'custom', path: ['tiers', index, 'privileges', p, 'key'], message: `duplicates ${privilege.key} in this tier` });
        seen.add(privilege.key);
      });
      const below = program.tiers[index - 1]?.promotion;
      if (index > 1 && below && tier.promotion) {
        for (const field of ['activeMonths', 'growthValue'] as const) {
          if (tier.promotion[field] < below[field]) {
            ctx.addIssue({
              code: 'custom',
              path: ['tiers', index, 'promotion', field],
              message: `must not be below ${below[field]} (${program.tiers[index - 1]?.key}): thresholds may not decrease up the tiers`,
            });
          }
        }
      }
    });
  });

export type LoyaltyProgram = z.output<typeof loyaltyProgramSchema>;
export type LoyaltyTier = LoyaltyProgram['tiers'][number];
export type Privilege = z.output<typeof privilegeSchema>;
export type PromotionRule = z.output<typeof promotionRuleSchema>;
