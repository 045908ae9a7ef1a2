import { z } from 'zod';
import { createEvent, defineEvent, type CloudEvent } from '@rekindle/contracts';
import type { EntityManager } from '@rekindle/platform-database';
import { defineConsumer } from './define-consumer';
import { widgetMadeV1, widgetSoldV1 } from './test-fixtures';

const manager = {} as EntityManager;

describe('defineConsumer', () => {
  it('hands each handler its event parsed against the contract', async () => {
    const seen: CloudEvent<{ n: number }>[] = [];
    const consumer = defineConsumer({ producer: 'profile', durable: 'widgets' }).on(widgetMadeV1, async (event) => void seen.push(event));
    const event = createEvent(widgetMadeV1, { data: { n: 3 } });
    await consumer.handlers[widgetMadeV1.type]!(JSON.parse(JSON.stringify(event)) as CloudEvent, manager);
    expect(seen).toEqual([event]);
    expect(consumer).toMatchObject({ producer: 'profile', durable: 'widgets' });
    expect(Object.keys(consumer.handlers)).toEqual([widgetMadeV1.type]);
  });

  it('refuses an event its contract refuses, before the handler runs', async () => {
    const handler = jest.fn(async () => undefined);
    const consumer = defineConsumer({ producer: 'profile', durable: 'widgets' }).on(widgetMadeV1, handler);
    const bad = { ...createEvent(widgetMadeV1, { data: { n: 1 } }), data: { n: 'one' } } as CloudEvent;
    await expect(consumer.handlers[widgetMadeV1.type]!(bad, manager)).rejects.toThrow(z.ZodError);
    expect(handler).not.toHaveBeenCalled();
  });

  it('adds handlers to a new definition, and refuses another producer\'s events or a type twice', () => {
    const base = defineConsumer({ producer: 'profile', durable: 'widgets' });
    const both = base.on(widgetMadeV1, async () => undefined).on(widgetSoldV1, async () => undefined);
    expect(Object.keys(base.handlers)).toEqual([]);
    expect(Object.keys(both.handlers).sort()).toEqual([widgetMadeV1.type, widgetSoldV1.type].sort());
    const foreign = defineEvent({ producer: 'loyalty', noun: 'widget', verb: 'made', version: 1, schema: z.object({}) });
    expect(() => base.on(foreign, async () => undefined)).toThrow(/reads profile's events/);
    expect(() => both.on(widgetMadeV1, async () => undefined)).toThrow(/twice/);
  });
});
