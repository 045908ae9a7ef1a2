import {
  activityRecordedV1,
  customerRegisteredV1,
  customerUpdatedV1,
  orderCancelledV1,
  orderPlacedV1,
  orderRefundedV1,
  parseEvent,
  type CloudEvent,
} from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import type { EventHandler, EventHandlers } from '@rekindle/platform-messaging';
import { monthOf } from '@rekindle/loyalty-core';
import type { LoyaltyRepositories } from '../data/repositories';
import type { EarnPointsUseCase } from '../use-cases/earn-points.use-case';
import type { ReversePointsUseCase } from '../use-cases/reverse-points.use-case';

/** The stream loyalty reads and its durable consumer, shared by every replica (and its inbox key). */
export const PROFILE_STREAM = 'profile';
export const LOYALTY_DURABLE = 'loyalty';

export interface ProfileEventHandlerDeps {
  repos: LoyaltyRepositories;
  earn: EarnPointsUseCase;
  reverse: ReversePointsUseCase;
  /** Runs after each handler inside its transaction: a test's fault injection point. */
  afterEach?: (event: CloudEvent, manager: EntityManager) => Promise<void>;
}

/**
 * What loyalty does with profile's events, each inside the consumer's inbox transaction:
 * - customer.registered / updated: the account exists (MEMBER) and keeps the newest birth date;
 * - activity.recorded: the month of the activity is active;
 * - order.placed: points and growth (EarnPointsUseCase);
 * - order.cancelled / refunded: what the order earned is taken back (ReversePointsUseCase).
 */
export function profileEventHandlers(deps: ProfileEventHandlerDeps): EventHandlers {
  const { repos, earn, reverse } = deps;

  const customer = (contract: typeof customerRegisteredV1 | typeof customerUpdatedV1): EventHandler => async (raw, manager) => {
    const event = parseEvent(contract, raw);
    const { id, birthDate } = event.data.customer;
    const at = new Date(event.time);
    await repos.accounts.ensure(manager, id, monthOf(at));
    await repos.accounts.setBirthDate(manager, id, birthDate, at);
  };

  const handlers: Record<string, EventHandler> = {
    [customerRegisteredV1.type]: customer(customerRegisteredV1),
    [customerUpdatedV1.type]: customer(customerUpdatedV1),
    [activityRecordedV1.type]: async (raw, manager) => {
      const event = parseEvent(activityRecordedV1, raw);
      const month = monthOf(new Date(event.data.occurredAt));
      await repos.accounts.ensure(manager, event.data.customerId, month);
      await repos.activity.addActiveMonth(manager, event.data.customerId, month);
    },
    [orderPlacedV1.type]: (raw, manager) => earn.apply(manager, parseEvent(orderPlacedV1, raw)),
    [orderCancelledV1.type]: (raw, manager) => reverse.apply(manager, parseEvent(orderCancelledV1, raw), 'CANCELLED'),
    [orderRefundedV1.type]: (raw, manager) => reverse.apply(manager, parseEvent(orderRefundedV1, raw), 'REFUNDED'),
  };
  const { afterEach } = deps;
  if (!afterEach) return handlers;
  return Object.fromEntries(
    Object.entries(handlers).map(([type, handler]) => [
      type,
      async (event: CloudEvent, manager: EntityManager) => {
        await handler(event, manager);
        await afterEach(event, manager);
      },
    ]),
  );
}
