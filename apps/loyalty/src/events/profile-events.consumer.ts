import {
  activityRecordedV1,
  customerRegisteredV1,
  customerUpdatedV1,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  type CloudEvent,
  type CustomerSnapshot,
} from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { defineConsumer, type ConsumerDefinition } from '@rekindle/platform-messaging';
import { monthOf } from '@rekindle/loyalty-core';
import type { LoyaltyRepositories } from '../data/repositories';
import type { EarnPointsUseCase } from '../use-cases/earn-points.use-case';
import type { ReversePointsUseCase } from '../use-cases/reverse-points.use-case';

/** The stream loyalty reads and its durable consumer, shared by every replica (and its inbox key). */
export const PROFILE_STREAM = 'profile';
export const LOYALTY_DURABLE = 'loyalty';

export interface ProfileEventsConsumerDeps {
  repos: LoyaltyRepositories;
  earn: EarnPointsUseCase;
  reverse: ReversePointsUseCase;
}

/**
 * What loyalty does with profile's events, each inside the consumer's inbox transaction:
 * - customer.registered / updated: the account exists (MEMBER) and keeps the newest birth date;
 * - activity.recorded: the month of the activity is active;
 * - order.placed: points and growth (EarnPointsUseCase);
 * - order.cancelled / refunded: what the order earned is taken back (ReversePointsUseCase).
 */
export function profileEventsConsumer({ repos, earn, reverse }: ProfileEventsConsumerDeps): ConsumerDefinition {
  const customer = async (event: CloudEvent<{ customer: CustomerSnapshot }>, manager: EntityManager) => {
    const { id, birthDate } = event.data.customer;
    const at = new Date(event.time);
    await repos.accounts.ensure(manager, id, monthOf(at));
    await repos.accounts.setBirthDate(manager, id, birthDate, at);
  };
  return defineConsumer({ producer: PROFILE_STREAM, durable: LOYALTY_DURABLE })
    .on(customerRegisteredV1, customer)
    .on(customerUpdatedV1, customer)
    .on(activityRecordedV1, async (event, manager) => {
      const month = monthOf(new Date(event.data.occurredAt));
      await repos.accounts.ensure(manager, event.data.customerId, month);
      await repos.activity.addActiveMonth(manager, event.data.customerId, month);
    })
    .on(orderPlacedV1, (event, manager) => earn.apply(manager, event))
    .on(orderCancelledV1, (event, manager) => reverse.apply(manager, event, 'CANCELLED'))
    .on(orderRefundedV1, (event, manager) => reverse.apply(manager, event, 'REFUNDED'));
}
