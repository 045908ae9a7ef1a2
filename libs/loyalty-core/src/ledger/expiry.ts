import type { LoyaltyProgram } from '../program/loyalty-program';
import { addCalendarMonths } from '../time/months';
import type { Lot, PlannedDebit } from './ledger-entry';
import { byAge } from './lots';

/**
 * When points earned at `earnedAt` expire: `pointsExpiryMonths` calendar months later, to the
 * millisecond (UTC), a missing day clamped to the month's last (earned 29 Feb 2024 -> expires
 * 28 Feb 2025). Fixed on the credit when it is recorded: a later programme change does not move it.
 */
export function expiryDate(earnedAt: Date, program: Pick<LoyaltyProgram, 'pointsExpiryMonths'>): Date {
  return addCalendarMonths(earnedAt, program.pointsExpiryMonths);
}

/** An EXPIRE entry due, dated at the lot's expiry. */
export type PlannedExpiry = PlannedDebit & { type: 'EXPIRE'; occurredAt: Date };

/**
 * The EXPIRE entries due at `now`, oldest lot first, one per lot: a lot expires at its expiresAt
 * (at that very instant it is no longer spendable), and only what is still unspent in it expires.
 */
export function expiringLots(lots: readonly Lot[], now: Date): PlannedExpiry[] {
  return byAge(lots)
    .filter((lot) => lot.remaining > 0 && lot.expiresAt <= now)
    .map((lot) => ({ type: 'EXPIRE', points: -lot.remaining, occurredAt: lot.expiresAt, allocations: [{ lotId: lot.lotId, points: lot.remaining }] }));
}

/**
 * The next expiry after `now`: the earliest expiresAt among lots still holding points, and the
 * points that expire at that instant (lots sharing it are added up). Null when nothing is due later.
 * Lots already past their expiry are excluded: they are expiringLots' business.
 */
export function pointsExpiringNext(lots: readonly Lot[], now: Date): { points: number; date: Date } | null {
  let next: { points: number; date: Date } | null = null;
  for (const lot of lots) {
    if (lot.remaining <= 0 || lot.expiresAt <= now) continue;
    if (!next || lot.expiresAt < next.date) next = { points: lot.remaining, date: lot.expiresAt };
    else if (lot.expiresAt.getTime() === next.date.getTime()) next.points += lot.remaining;
  }
  return next;
}

/** Points that expire after `now` and no later than `until` (e.g. the next 30 days). */
export function pointsExpiringWithin(lots: readonly Lot[], now: Date, until: Date): number {
  return lots.reduce((sum, lot) => (lot.remaining > 0 && lot.expiresAt > now && lot.expiresAt <= until ? sum + lot.remaining : sum), 0);
}
