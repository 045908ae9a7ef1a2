import { createServer } from 'node:http';
import { ApolloServer, type ApolloServerOptionsWithGateway, type BaseContext } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import type { Request, RequestHandler } from 'express';
import type { GraphQLSchema, ValidationRule } from 'graphql';
import type { Registry } from 'prom-client';
import type { Logger } from '@rekindle/platform-logger';
import { errorLoggingPlugin } from './error-logging.plugin';
import { formatError } from './format-error';
import { graphqlMetricsPlugin } from './graphql-metrics.plugin';
import { createHttpApp, createMetricsRegistry, type HttpApp } from './http-app';
import { listen, localUrl } from './listen';
import type { ReadinessChecks } from './readiness';
import { withTimeout } from './with-timeout';

export type GraphQLSource = { schema: GraphQLSchema } | { gateway: ApolloServerOptionsWithGateway<BaseContext>['gateway'] };

export interface GraphQLHttpServerOptions<TContext extends BaseContext> {
  name: string;
  logger: Logger;
  /** A subgraph's schema, or the gateway. */
  graphql: GraphQLSource;
  context: (req: Request) => Promise<TContext>;
  port: number;
  host?: string;
  readinessChecks?: ReadinessChecks;
  /** Run in order after HTTP has drained: stop consumers, flush the outbox relay, close bus, cache, database. */
  onShutdown?: (() => Promise<void>)[];
  /** The bound on the whole of `stop()`: half of it is the grace period for in-flight requests. */
  shutdownTimeoutMs?: number;
  registry?: Registry;
  /** Handlers mounted before the GraphQL handler, e.g. the gateway's GraphiQL page. */
  handlers?: RequestHandler[];
  validationRules?: ValidationRule[];
}

export interface GraphQLHttpServer {
  start(): Promise<{ url: string; port: number }>;
  /** Idempotent: readiness turns 503, HTTP drains, then the shutdown hooks run in order. */
  stop(): Promise<void>;
  registry: Registry;
}

/** An Apollo Server on the shared HTTP app at `/graphql`: what subgraphs and the gateway both run. */
export function createGraphQLHttpServer<TContext extends BaseContext>(options: GraphQLHttpServerOptions<TContext>): GraphQLHttpServer {
  const { name, logger, port, host = '0.0.0.0', onShutdown = [], shutdownTimeoutMs = 10_000, handlers = [] } = options;
  const registry = options.registry ?? createMetricsRegistry(name);
  const httpServer = createServer();
  const common = {
    logger,
    formatError,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    validationRules: options.validationRules ?? [],
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: Math.floor(shutdownTimeoutMs / 2) }),
      ApolloServerPluginLandingPageDisabled(),
      graphqlMetricsPlugin(registry),
      errorLoggingPlugin(logger),
    ],
  };
  const apollo =
    'gateway' in options.graphql
      ? new ApolloServer<TContext>({ ...common, gateway: options.graphql.gateway })
      : new ApolloServer<TContext>({ ...common, schema: options.graphql.schema });

  let httpApp: HttpApp | undefined;
  let stopping: Promise<void> | undefined;

  async function shutdown(): Promise<void> {
    httpApp?.beginShutdown();
    const failures: unknown[] = [];
    // Every step runs even when an earlier one fails: a failed drain must not leave the database open.
    const attempt = async (step: string, run: () => Promise<void>) => {
      try {
        await run();
      } catch (error) {
        logger.error({ err: error, step }, 'shutdown step failed');
        failures.push(error);
      }
    };
    if (httpApp) await attempt('drain HTTP', () => apollo.stop());
    for (const [index, hook] of onShutdown.entries()) await attempt(`onShutdown[${index}]`, hook);
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} shutdown step(s) of ${name} failed`);
  }

  return {
    registry,
    async start() {
      await apollo.start();
      const graphqlHandler = expressMiddleware(apollo, { context: ({ req }) => options.context(req) });
      httpApp = createHttpApp({
        name,
        logger,
        registry,
        readinessChecks: options.readinessChecks,
        routes: (app) => {
          for (const handler of handlers) app.use(handler);
          app.use('/graphql', graphqlHandler);
        },
      });
      httpServer.on('request', httpApp.app);
      const actualPort = await listen(httpServer, port, host);
      return { url: localUrl(host, actualPort, '/graphql'), port: actualPort };
    },
    stop() {
      stopping ??= withTimeout(shutdown(), shutdownTimeoutMs, `shutdown of ${name}`);
      return stopping;
    },
  };
}
