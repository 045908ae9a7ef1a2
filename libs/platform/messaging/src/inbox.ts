import type { CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { requestContextFrom, runWithRequestContext } from '@rekindle/platform-logger';

/** Applies one event inside the consumer's transaction, through `manager`. */
export type EventHandler = (event: CloudEvent, manager: EntityManager) => Promise<void>;

/** Handlers by CloudEvents type (`rekindle.profile.customer.registered.v1`). */
export type EventHandlers = Readonly<Record<string, EventHandler>>;

/**
 * Inside the caller's transaction: records the event id for `consumer` in the inbox and runs the
 * handler only when the id is new. Returns whether the handler ran. A concurrent copy of the same
 * event waits on the inbox row and then finds it taken.
 */
export async function handleOnce(manager: EntityManager, consumer: string, event: CloudEvent, handler: EventHandler): Promise<boolean> {
  const [ran] = await handleAllOnce(manager, consumer, [event], () => handler);
  return ran as boolean;
}

/**
 * handleOnce for the events of a batch, in order, with one inbox INSERT for them all. Returns, per
 * event, whether its handler ran (false for an event seen before, or earlier in the same batch).
 */
export async function handleAllOnce(
  manager: EntityManager,
  consumer: string,
  events: readonly CloudEvent[],
  handlerOf: (event: CloudEvent) => EventHandler,
): Promise<boolean[]> {
  const inserted: { event_id: string }[] = await manager.query(
    'INSERT INTO inbox (consumer, event_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING RETURNING event_id',
    [consumer, events.map((event) => event.id)],
  );
  const fresh = new Set(inserted.map((row) => row.event_id));
  const ran: boolean[] = [];
  for (const event of events) {
    const isNew = fresh.delete(event.id);
    if (isNew) await inEventContext(event, () => handlerOf(event)(event, manager));
    ran.push(isNew);
  }
  return ran;
}

/** Runs `work` with the event's trace in the request context, so every log line carries its trace id. */
export function inEventContext<T>(event: CloudEvent, work: () => T): T {
  return runWithRequestContext(requestContextFrom({ requestId: event.id, traceparent: event.traceparent }), work);
}
