import { createDefinedService, type RunnableService } from '@rekindle/platform-subgraph-server';
import { loadServiceDefinition, registeredGateway, type SubgraphService } from './service-definitions';
import { createTestBus, type TestBus } from './test-bus';
import { startTestService, type TestService } from './test-service';
import { waitUntilConsumed } from './wait-until-consumed';
import { waitUntilPublished } from './wait-until-published';

export interface TestStackOptions {
  /** Names the stack's bus prefix and schemas; the services' names by default. */
  label?: string;
  /** REKINDLE_NOW for every service. */
  now?: string;
  /** Starts the gateway in front of the services too (each subgraph's SUBGRAPH_URL_<NAME> pointing at it). */
  gateway?: boolean;
  /** Variables for every service, over those of their test profiles. */
  env?: Record<string, string>;
  /** A service's own variables and hooks (e.g. loyalty's afterEachEvent), by service name. */
  services?: Record<string, { env?: Record<string, string>; hooks?: object }>;
}

export interface TestGateway {
  /** The gateway's GraphQL endpoint, where a partner or frontend sends its operations. */
  url: string;
}

export interface TestStack<N extends string> {
  /** Each service, by name, in a schema of its own. */
  services: Record<N, TestService<SubgraphService>>;
  gateway: TestGateway | undefined;
  /** A bus on the prefix every service of the stack shares, to read and publish on their streams. */
  bus: TestBus;
  /**
   * Waits until what the stack was told has gone all the way through: each service's background
   * work and outbox, every durable consumer of the stack's streams, and the outboxes they wrote to.
   */
  settle(): Promise<void>;
  /** Stops the gateway and every service, drops their schemas and deletes the stack's streams. */
  stop(): Promise<void>;
}

/**
 * Starts the named subgraphs in-process against the real PostgreSQL, NATS and Redis (each in a
 * schema of its own, all on one bus prefix, so each reads the others' streams), and optionally the
 * gateway in front of them. Each must be in tools/registry/services.json, and is loaded from
 * `apps/<name>/src/service-definition.ts`.
 */
export async function startTestStack<N extends string>(
  names: readonly N[],
  options: TestStackOptions & { gateway: true },
): Promise<TestStack<N> & { gateway: TestGateway }>;
export async function startTestStack<N extends string>(names: readonly N[], options?: TestStackOptions): Promise<TestStack<N>>;
export async function startTestStack<N extends string>(names: readonly N[], options: TestStackOptions = {}): Promise<TestStack<N>> {
  const label = options.label ?? names.join('_');
  const bus = await createTestBus(label);
  const running: TestService<SubgraphService>[] = [];
  let gateway: (TestGateway & { stop(): Promise<void> }) | undefined;
  const stop = async () => {
    try {
      await gateway?.stop();
      await Promise.all(running.map((service) => service.stop()));
    } finally {
      await bus.cleanup();
    }
  };
  try {
    const started = await Promise.allSettled(
      names.map((name) =>
        startTestService(loadServiceDefinition(name), {
          label: `${label}_${name}`,
          busPrefix: bus.prefix,
          ...(options.now ? { now: options.now } : {}),
          env: { ...options.env, ...options.services?.[name]?.env },
          hooks: options.services?.[name]?.hooks ?? {},
        }),
      ),
    );
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failed = started.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    if (options.gateway) gateway = await startTestGateway(running, options.env?.['LOG_LEVEL'] ?? 'warn');
  } catch (error) {
    await stop();
    throw error;
  }
  const services = Object.fromEntries(running.map((service) => [service.name, service])) as Record<N, TestService<SubgraphService>>;
  return {
    services,
    gateway: gateway && { url: gateway.url },
    bus,
    async settle() {
      for (const service of running) await service.settle();
      await waitUntilConsumed(bus);
      await Promise.all(running.map((service) => waitUntilPublished(service.service.dataSource)));
    },
    stop,
  };
}

/** The gateway over the checked-in supergraph, each running subgraph's URL overriding the composed one. */
async function startTestGateway(subgraphs: readonly TestService<unknown>[], logLevel: string): Promise<TestGateway & { stop(): Promise<void> }> {
  const urls = Object.fromEntries(subgraphs.map(({ name, url }) => [`SUBGRAPH_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`, url]));
  const definition = loadServiceDefinition<RunnableService>(registeredGateway(), 'gateway');
  const { service } = await createDefinedService(definition, { PORT: '0', LOG_LEVEL: logLevel, ...urls });
  const { url } = await service.start();
  return { url, stop: () => service.stop() };
}
