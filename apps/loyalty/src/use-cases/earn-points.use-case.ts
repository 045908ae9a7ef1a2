import { randomUUID } from 'node:crypto';
import { createEvent, pointsEarnedV1, type CloudEvent, type EventData, type orderPlacedV1 } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import type { Logger } from '@rekindle/platform-logger';
import { appendToOutbox } from '@rekindle/platform-messaging';
import { expiryDate, growthForOrder, isBirthdayMonth, monthOf, pointsForOrder } from '@rekindle/loyalty-core';
import type { LoyaltyRepositories } from '../data/repositories';
import type { ReversePointsUseCase } from './reverse-points.use-case';
import { tierAt } from '../data/tier-at.query';

type OrderPlaced = EventData<typeof orderPlacedV1>;

/**
 * order.placed: the order earns floor(whole units × points per unit × the multiplier of the tier
 * held when it was placed × the birthday multiplier in the birthday month) points, as an EARN entry
 * whose lot expires `pointsExpiryMonths` after the order, and its growth value in its month. Runs in
 * the consumer's transaction; idempotent by the event id (inbox, and a unique index on the EARN's
 * cause) and by the order id (an order placed twice earns once). Reversals that arrived before the
 * order are applied right after it.
 */
export class EarnPointsUseCase {
  constructor(
    private readonly deps: {
      repos: LoyaltyRepositories;
      reverse: ReversePointsUseCase;
      logger: Logger;
    },
  ) {}

  async apply(manager: EntityManager, event: CloudEvent<OrderPlaced>): Promise<void> {
    const { repos } = this.deps;
    const { customerId, orderId, total } = event.data;
    const placedAt = new Date(event.data.placedAt);
    const month = monthOf(placedAt);
    await repos.accounts.ensure(manager, customerId, month);
    // The order is an activity too; profile's activity.recorded says so as well, possibly later on a retry.
    await repos.activity.addActiveMonth(manager, customerId, month);
    const account = await repos.accounts.lock(manager, customerId);
    if (!account) throw new Error(`loyalty account ${customerId} vanished inside its transaction`);

    const { version, program } = await repos.programs.current(manager);
    const tier = await tierAt(manager, repos, account, placedAt, program);
    const points = pointsForOrder({ orderValue: total, tier, birthDate: account.birthDate, orderedAt: placedAt, program });
    const growth = growthForOrder(total);
    const birthdayBonus = isBirthdayMonth(account.birthDate, placedAt) && program.birthdayMultiplier !== 1;
    const earnEntryId = points > 0 ? randomUUID() : null;
    const isNew = await repos.orders.insert(manager, {
      orderId,
      customerId,
      placedAt,
      currency: event.data.currency,
      value: total,
      tier,
      birthdayBonus,
      earnedPoints: points,
      growth,
      earnEntryId,
      eventId: event.id,
      programVersion: version,
    });
    if (!isNew) {
      this.deps.logger.warn({ orderId, eventId: event.id }, 'order already earned under another event; nothing earned');
      return;
    }
    await repos.activity.addGrowth(manager, customerId, month, growth);
    const events: CloudEvent[] = [];
    if (earnEntryId) {
      const expiresAt = expiryDate(placedAt, program);
      await repos.ledger.append(manager, [
        { id: earnEntryId, customerId, type: 'EARN', points, occurredAt: placedAt, expiresAt, causeEventId: event.id, orderId, programVersion: version },
      ]);
      events.push(
        createEvent(pointsEarnedV1, {
          subject: customerId,
          time: placedAt,
          traceparent: event.traceparent,
          data: {
            customerId,
            entryId: earnEntryId,
            orderId,
            causeEventId: event.id,
            points,
            growth,
            orderValue: total,
            tier,
            birthdayBonus,
            earnedAt: placedAt.toISOString(),
            expiresAt: expiresAt.toISOString(),
            balance: await repos.ledger.balanceOf(manager, customerId),
          },
        }),
      );
    }
    await appendToOutbox(manager, events);
    await this.deps.reverse.applyParked(manager, orderId, event.traceparent);
  }
}
