import { parseEvent, type CloudEvent, type EventContract, type EventData } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import type { EventHandlers } from './inbox';

/** Applies one event, parsed against its contract, inside the consumer's transaction. */
export type ContractHandler<C extends EventContract> = (event: CloudEvent<EventData<C>>, manager: EntityManager) => Promise<void>;

/** A named durable consumer of one producer's events and what it does with each type. */
export interface ConsumerDefinition {
  /** The producing service whose stream it reads, e.g. `profile`. */
  readonly producer: string;
  /** The durable consumer name, shared by every replica; also its inbox and dead-letter key. */
  readonly durable: string;
  /** The handlers by CloudEvents type, each parsing its event against the contract first. */
  readonly handlers: EventHandlers;
  /** The definition with `handler` for `contract`'s events too (a new definition; this one is unchanged). */
  on<C extends EventContract>(contract: C, handler: ContractHandler<C>): ConsumerDefinition;
}

/**
 * Declares a durable consumer of `producer`'s stream: `defineConsumer({ producer: 'profile',
 * durable: 'loyalty' }).on(orderPlacedV1, (event, manager) => …)`. Each event is parsed against its
 * contract here, once, before its handler sees it (a malformed one fails, is retried and lands in
 * dead_letter like any failure). The consumer filters on its handlers' subjects; start it with
 * startConsumers. Several durables on one producer keep each to one subject, for servers before
 * nats-server 2.10, which allow a durable a single filter.
 */
export function defineConsumer(spec: { producer: string; durable: string }): ConsumerDefinition {
  return withHandlers(spec, {});
}

function withHandlers(spec: { producer: string; durable: string }, handlers: EventHandlers): ConsumerDefinition {
  return {
    ...spec,
    handlers,
    on<C extends EventContract>(contract: C, handler: ContractHandler<C>) {
      if (contract.producer !== spec.producer) {
        throw new Error(`consumer ${spec.durable} reads ${spec.producer}'s events, not ${contract.type}`);
      }
      if (handlers[contract.type]) throw new Error(`consumer ${spec.durable} handles ${contract.type} twice`);
      return withHandlers(spec, { ...handlers, [contract.type]: async (raw, manager) => handler(parseEvent(contract, raw) as CloudEvent<EventData<C>>, manager) });
    },
  };
}
