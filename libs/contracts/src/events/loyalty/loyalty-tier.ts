import { z } from 'zod';

/** The loyalty tiers, lowest first: MEMBER < SILVER < GOLD < PLATINUM. */
export const loyaltyTierSchema = z.enum(['MEMBER', 'SILVER', 'GOLD', 'PLATINUM']);

/** A whole number of points. */
export const pointsSchema = z.number().int();

/**
 * The customer's points balance right after the entry: the sum of their ledger. Read models (the
 * campaign service's, for example) can keep it without replaying the ledger.
 */
export const balanceSchema = z.number().int().min(0);
