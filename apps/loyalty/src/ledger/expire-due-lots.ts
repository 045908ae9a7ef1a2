import { randomUUID } from 'node:crypto';
import { createEvent, pointsExpiredV1, type CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { expiringLots, openLots, type Lot } from '@rekindle/loyalty-core';
import type { LedgerEntryModel, LedgerRepository, NewLedgerEntry } from '../data/ledger.repository';

export interface ExpiryResult {
  /** The lots left after the expiry, oldest first. */
  lots: Lot[];
  /** The balance after the expiry (the ledger's sum). */
  balance: number;
  expired: NewLedgerEntry[];
  /** loyalty.points.expired, or null when nothing expired. */
  event: CloudEvent | null;
}

/**
 * For one customer whose account is locked: writes an EXPIRE entry for every lot that reached its
 * expiry at `now` with points left (dated at that expiry), and returns the lots that remain. Every
 * debit runs this first, so a lot past its expiry is never spent.
 */
export async function expireDueLots(
  manager: EntityManager,
  ledger: LedgerRepository,
  customerId: string,
  now: Date,
  entries?: readonly LedgerEntryModel[],
): Promise<ExpiryResult> {
  const known = entries ?? (await ledger.entriesOf(manager, [customerId])).get(customerId) ?? [];
  const plan = planExpiry(customerId, known, now);
  await ledger.append(manager, plan.expired);
  return plan;
}

/** The pure part of expireDueLots, for batches: what to write for one customer's ledger. */
export function planExpiry(customerId: string, entries: readonly LedgerEntryModel[], now: Date, traceparent?: string): ExpiryResult {
  const lots = openLots(entries);
  const due = expiringLots(lots, now);
  const before = entries.reduce((sum, e) => sum + e.points, 0);
  if (due.length === 0) return { lots, balance: before, expired: [], event: null };
  const expired: NewLedgerEntry[] = due.map((d) => ({
    id: randomUUID(),
    customerId,
    type: 'EXPIRE',
    points: d.points,
    occurredAt: d.occurredAt,
    allocations: d.allocations,
  }));
  const points = -expired.reduce((sum, e) => sum + e.points, 0);
  const balance = before - points;
  const event = createEvent(pointsExpiredV1, {
    subject: customerId,
    time: now,
    traceparent,
    data: {
      customerId,
      points,
      entries: expired.map((e) => ({
        entryId: e.id,
        lotId: e.allocations?.[0]?.lotId as string,
        points: -e.points,
        expiredAt: e.occurredAt.toISOString(),
      })),
      balance,
    },
  });
  const expiredLots = new Set(due.map((d) => d.allocations[0]?.lotId));
  return { lots: lots.filter((lot) => !expiredLots.has(lot.lotId)), balance, expired, event };
}
