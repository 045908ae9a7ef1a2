import { Counter, Gauge, type Registry } from 'prom-client';

type PendingSource = () => Promise<number>;

// Several relays (one per schema) may share a registry when services run in one process.
const pendingSources = new WeakMap<Registry, Map<string, PendingSource>>();

function counter(registry: Registry, name: string, help: string, labelNames: string[]): Counter<string> {
  const existing = registry.getSingleMetric(name);
  if (existing) return existing as Counter<string>;
  return new Counter({ name, help, labelNames, registers: [registry] });
}

export interface RelayMetrics {
  published(count: number): void;
  failed(count: number): void;
  /** Stops reporting this relay's pending gauge. */
  unregister(): void;
}

const ignore = () => undefined;
const noRelayMetrics: RelayMetrics = { published: ignore, failed: ignore, unregister: ignore };

export function relayMetrics(registry: Registry | undefined, schema: string, pending: PendingSource): RelayMetrics {
  if (!registry) return noRelayMetrics;
  const published = counter(registry, 'rekindle_outbox_published_total', 'Outbox messages (an event, or a batch of one subject\'s events) published to JetStream', ['schema']);
  const failures = counter(registry, 'rekindle_outbox_publish_failures_total', 'Outbox messages whose publish failed', ['schema']);
  let sources = pendingSources.get(registry);
  if (!sources) {
    const created = new Map<string, PendingSource>();
    sources = created;
    pendingSources.set(registry, created);
    new Gauge({
      name: 'rekindle_outbox_pending',
      help: 'Outbox messages (an event, or a batch of events) not yet published',
      labelNames: ['schema'],
      registers: [registry],
      async collect() {
        this.reset();
        for (const [label, source] of created) this.set({ schema: label }, await source());
      },
    });
  }
  sources.set(schema, pending);
  return {
    published: (count) => published.inc({ schema }, count),
    failed: (count) => failures.inc({ schema }, count),
    unregister: () => sources.delete(schema),
  };
}

export type ConsumeOutcome = 'processed' | 'duplicate' | 'ignored' | 'retried' | 'dead_lettered';

export function consumerMetrics(registry: Registry | undefined, consumer: string): (outcome: ConsumeOutcome) => void {
  if (!registry) return ignore;
  const consumed = counter(registry, 'rekindle_events_consumed_total', 'Events handled by a durable consumer, by outcome', [
    'consumer',
    'outcome',
  ]);
  return (outcome) => consumed.inc({ consumer, outcome });
}
