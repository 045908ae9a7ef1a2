/** Kinds of ledger entry. EARN and a positive ADJUST credit a lot; every other entry debits lots. */
export const LEDGER_ENTRY_TYPES = ['EARN', 'REDEEM', 'EXPIRE', 'REVERSAL', 'ADJUST'] as const;

export type LedgerEntryType = (typeof LEDGER_ENTRY_TYPES)[number];

/** Points a debit took from one lot (always positive). */
export interface LotAllocation {
  lotId: string;
  points: number;
}

/**
 * One line of the append-only points ledger, as far as the arithmetic needs it (the app adds the
 * cause: event id, order id, admin reason, idempotency key).
 *
 * - A credit (EARN with points ≥ 0, ADJUST with points > 0) opens a lot whose id is the entry's
 *   id, earned at `occurredAt` and expiring at `expiresAt` (required on credits; see expiryDate).
 * - A debit (REDEEM, EXPIRE, REVERSAL with points ≤ 0, ADJUST with points < 0) records in
 *   `allocations` which lots it took its points from; they add up to −points. The plan functions
 *   (planRedemption, planReversal, expiringLots) produce them, oldest lots first.
 * - `shortfall` (REVERSAL only): points a reversal should have taken back but could not, because
 *   they were already spent and the balance never goes below zero. Informational: not in the balance.
 */
export interface LedgerEntry {
  id: string;
  type: LedgerEntryType;
  /** Signed whole points: + credits, − debits. */
  points: number;
  occurredAt: Date;
  expiresAt?: Date | null;
  allocations?: readonly LotAllocation[];
  shortfall?: number;
}

/** A ledger entry as planned by this library, before the app gives it an id, a time and a cause. */
export interface PlannedDebit {
  type: Exclude<LedgerEntryType, 'EARN'>;
  /** Negative or zero. */
  points: number;
  allocations: LotAllocation[];
}

/** Points still available from one credit, oldest first in every list this library returns. */
export interface Lot {
  lotId: string;
  earnedAt: Date;
  expiresAt: Date;
  /** What the credit gave. */
  points: number;
  /** What is left of it after every debit's allocations. */
  remaining: number;
}

export function isCredit(entry: Pick<LedgerEntry, 'type' | 'points'>): boolean {
  return entry.type === 'EARN' || (entry.type === 'ADJUST' && entry.points > 0);
}
