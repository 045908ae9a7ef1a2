import { Writable } from 'node:stream';
import { z } from 'zod';
import { createEvent, defineEvent, type CloudEvent } from '@rekindle/contracts';
import { createLogger, type Logger } from '@rekindle/platform-logger';
import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';
import type { Bus } from './bus';
import { encodeEventBatch } from './event-codec';
import { subjectOfType } from './naming';

/** Contracts of a made-up producer, so these tests depend on no real service's events. */
export const widgetMadeV1 = defineEvent({ producer: 'profile', noun: 'widget', verb: 'made', version: 1, schema: z.object({ n: z.number() }) });
export const widgetSoldV1 = defineEvent({ producer: 'profile', noun: 'widget', verb: 'sold', version: 1, schema: z.object({ n: z.number() }) });

/** What test handlers write: no unique key, so an event applied twice shows up twice. */
export class CreateWidgetSeen1700000000001 implements MigrationInterface {
  name = 'CreateWidgetSeen1700000000001';
  async up(runner: QueryRunner) {
    await runner.query('CREATE TABLE widget_seen (event_id uuid NOT NULL, n int NOT NULL, worker text NOT NULL)');
  }
  async down(runner: QueryRunner) {
    await runner.query('DROP TABLE widget_seen');
  }
}

export const widgets = (count: number, from = 0): CloudEvent<{ n: number }>[] =>
  Array.from({ length: count }, (_, i) => createEvent(widgetMadeV1, { data: { n: from + i } }));

export const silentLogger = (): Logger => createLogger({ service: 'messaging-test', level: 'silent' });

/** A logger whose JSON lines the test can read back. */
export function capturingLogger(): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
      done();
    },
  });
  return { logger: createLogger({ service: 'messaging-test', level: 'debug', destination }), lines };
}

/** Publishes straight to JetStream, bypassing the outbox; `msgID` defaults to the event id. */
export async function publishEvent(bus: Bus, event: CloudEvent, msgID = event.id): Promise<void> {
  await bus.js.publish(bus.subjectFor(subjectOfType(event.type)), JSON.stringify(event), { msgID });
}

/** The events (all of one type) as one CloudEvents batch message. */
export async function publishBatch(bus: Bus, events: readonly CloudEvent[], msgID: string): Promise<void> {
  const body = encodeEventBatch(events.map((event) => JSON.stringify(event)));
  await bus.js.publish(bus.subjectFor(subjectOfType((events[0] as CloudEvent).type)), body, { msgID });
}

export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
