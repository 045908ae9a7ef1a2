/**
 * The pure logic of the loyalty service: the programme as validated data (tiers, multipliers,
 * promotion and demotion rules, privileges, expiry), points and growth earned by orders and taken
 * back by reversals, the points ledger's lot arithmetic (balance, oldest-first redemption and
 * expiry, never below zero), and month-end tier evaluation. No I/O: unit tested in milliseconds.
 * All time is UTC; money arrives as decimal strings and is computed exactly (BigInt).
 */
export { TIER_KEYS, tierRank, isTierKey, type TierKey } from './program/tiers';
export {
  loyaltyProgramSchema,
  tierSchema,
  privilegeSchema,
  promotionRuleSchema,
  type LoyaltyProgram,
  type LoyaltyTier,
  type Privilege,
  type PromotionRule,
} from './program/loyalty-program';
export { validateLoyaltyProgram, fieldPath, type ProgramValidation } from './program/validate-loyalty-program';
export { DEFAULT_LOYALTY_PROGRAM } from './program/default-loyalty-program';
export { privilegeValueToText, privilegeValueFromText } from './program/privilege-value';
export { tierOf, tierAbove, tierBelow, privilegesFor, LOWEST_TIER } from './program/program-tiers';
export { isMonth, monthOf, addMonths, monthsBetween, compareMonths, monthStart, monthEnd, addCalendarMonths, type Month } from './time/months';
export { isBirthdayMonth } from './earning/birthday';
export { pointsForOrder, type OrderEarning } from './earning/points-for-order';
export {
  growthForOrder,
  growthReversal,
  growthByMonth,
  growthLast12Months,
  GROWTH_WINDOW_MONTHS,
  type GrowthReversal,
  type GrowthEntry,
} from './earning/growth';
export { reversalFor, type PointsReversal } from './earning/reversal';
export { LEDGER_ENTRY_TYPES, isCredit, type LedgerEntry, type LedgerEntryType, type LotAllocation, type Lot, type PlannedDebit } from './ledger/ledger-entry';
export { balance, openLots, spendableBalance } from './ledger/lots';
export { planRedemption, planReversal, INSUFFICIENT_POINTS, type RedemptionPlan, type ReversalPlan } from './ledger/spend';
export { expiryDate, expiringLots, pointsExpiringNext, pointsExpiringWithin, type PlannedExpiry } from './ledger/expiry';
export { activeMonths, consecutiveActiveMonths, inactiveMonthsInTier } from './tiers/active-months';
export {
  evaluateMonth,
  initialTierState,
  type TierState,
  type TierChange,
  type TierRule,
  type MonthEvaluation,
  type MonthInput,
} from './tiers/evaluate-month';
export { evaluateHistory, lastCompleteMonth, type HistoryInput, type HistoryResult } from './tiers/evaluate-history';
export { nextTier, demotionOutlook, type NextTier, type DemotionOutlook } from './tiers/next-tier';
