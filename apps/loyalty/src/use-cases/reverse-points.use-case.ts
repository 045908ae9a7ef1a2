import { randomUUID } from 'node:crypto';
import { createEvent, pointsReversedV1, type CloudEvent, type EventData, type orderCancelledV1 } from '@rekindle/contracts';
import type { Clock } from '@rekindle/platform-config';
import type { EntityManager } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { growthReversal, monthOf, planReversal, reversalFor } from '@rekindle/loyalty-core';
import type { LoyaltyOrderModel, OrderReversal, ReversalKind } from '../data/order.repository';
import type { LoyaltyRepositories } from '../data/repositories';
import { expireDueLots } from '../ledger/expire-due-lots';

type OrderReversed = EventData<typeof orderCancelledV1>;

/**
 * order.cancelled / order.refunded: takes back what the order earned, pro rata for a partial amount
 * (reversalFor over the money reversed so far), from the order's own lot first, and its growth from
 * the order's month. The balance never goes below zero: points already spent are recorded as the
 * REVERSAL's shortfall, not as a debt.
 *
 * A reversal can arrive before its order (a partner recorded the cancellation first, or the order
 * event is being retried): it is parked, taking nothing, and applied when the order arrives.
 */
export class ReversePointsUseCase {
  constructor(private readonly deps: { repos: LoyaltyRepositories; clock: Clock; logger: Logger }) {}

  async apply(manager: EntityManager, event: CloudEvent<OrderReversed>, kind: ReversalKind): Promise<void> {
    const { repos } = this.deps;
    const occurredAt = new Date(event.data.occurredAt);
    const { orderId, customerId, amount } = event.data;
    const reversal: OrderReversal = { eventId: event.id, orderId, customerId, kind, amount, occurredAt };
    await repos.accounts.ensure(manager, reversal.customerId, monthOf(occurredAt));
    await repos.accounts.lock(manager, reversal.customerId);
    const order = await repos.orders.lock(manager, reversal.orderId);
    if (!order) {
      await repos.orders.park(manager, reversal);
      this.deps.logger.info({ orderId: reversal.orderId, eventId: event.id }, 'reversal parked until its order arrives');
      return;
    }
    await appendToOutbox(manager, await this.applyToOrder(manager, order, reversal, event.traceparent));
  }

  /** Applies the reversals parked for an order that has just been recorded (its account is locked). */
  async applyParked(manager: EntityManager, orderId: string, traceparent?: string): Promise<void> {
    const parked = await this.deps.repos.orders.parkedFor(manager, orderId);
    for (const reversal of parked) {
      const order = await this.deps.repos.orders.lock(manager, orderId);
      if (!order) return;
      await appendToOutbox(manager, await this.applyToOrder(manager, order, reversal, traceparent));
    }
  }

  private async applyToOrder(manager: EntityManager, order: LoyaltyOrderModel, reversal: OrderReversal, traceparent?: string): Promise<CloudEvent[]> {
    const { repos } = this.deps;
    const customerId = order.customerId;
    if (customerId !== reversal.customerId) {
      this.deps.logger.warn(
        { orderId: order.orderId, orderCustomer: customerId, eventCustomer: reversal.customerId },
        'reversal names another customer than its order; the order wins',
      );
      await repos.accounts.lock(manager, customerId);
    }
    const money = { orderValue: order.value, amountReversed: reversal.amount, previouslyReversed: order.reversedAmount };
    const due = reversalFor({ earnedPoints: order.earnedPoints, ...money });
    const growth = growthReversal(money);
    const now = this.deps.clock.now();
    const expiry = await expireDueLots(manager, repos.ledger, customerId, now);
    const plan = planReversal(expiry.lots, { points: due, lotId: order.earnEntryId }, now);
    const taken = -plan.entry.points;
    const entryId = taken > 0 || plan.shortfall > 0 ? randomUUID() : null;
    if (entryId) {
      await repos.ledger.append(manager, [
        {
          id: entryId,
          customerId,
          type: 'REVERSAL',
          points: plan.entry.points,
          occurredAt: reversal.occurredAt,
          allocations: plan.entry.allocations,
          shortfall: plan.shortfall,
          causeEventId: reversal.eventId,
          orderId: order.orderId,
          reason: reversal.kind === 'CANCELLED' ? 'order cancelled' : 'order refunded',
        },
      ]);
    }
    await repos.orders.addReversal(manager, order.orderId, reversal.amount, due, growth);
    await repos.activity.addGrowth(manager, customerId, monthOf(order.placedAt), -growth);
    await repos.orders.markApplied(manager, reversal, { points: taken, shortfall: plan.shortfall, growth, entryId });
    const reversed = createEvent(pointsReversedV1, {
      subject: customerId,
      time: reversal.occurredAt,
      traceparent,
      data: {
        customerId,
        entryId,
        orderId: order.orderId,
        causeEventId: reversal.eventId,
        kind: reversal.kind,
        amount: reversal.amount,
        points: taken,
        shortfall: plan.shortfall,
        growth,
        reversedAt: reversal.occurredAt.toISOString(),
        balance: expiry.balance - taken,
      },
    });
    return expiry.event ? [expiry.event, reversed] : [reversed];
  }
}
