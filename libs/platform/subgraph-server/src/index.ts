/**
 * The HTTP and GraphQL edge every Rekindle process shares (DESIGN.md §5, §6).
 *
 * - `createSubgraphServer`: a Federation v2 subgraph from its SDL and resolvers (the shared scalars
 *   added), served at `/graphql` by Apollo Server on the shared HTTP app. `start()` returns the
 *   real URL and port (port 0 picks a free one). An operation seen before runs as code
 *   graphql-jit compiled for it (`jitExecutedSchema`; graphql-js for one-off documents and for the
 *   words of every variable error). `stop()` turns readiness 503, drains in-flight
 *   requests, then runs the app's `onShutdown` hooks in order, all within `shutdownTimeoutMs`.
 * - `createGraphQLHttpServer`: the same for any GraphQL source; the gateway passes its ApolloGateway.
 * - `createHttpApp`: the express app underneath: `x-request-id` / `traceparent` continued into the
 *   request context (so logs carry requestId and traceId), `/health/live`, `/health/ready` (named
 *   checks in parallel, each with a timeout: a failing critical one answers 503, a failing
 *   non-critical one 200 with it listed in `degraded`), `/metrics` (process metrics,
 *   `http_request_duration_seconds`, `graphql_operations_total`, `graphql_operation_duration_seconds`).
 * - `formatError` (installed by both servers): domain errors keep their code and details
 *   (InputError: `field`, `issues`); GraphQL's complaints about input values become BAD_USER_INPUT
 *   with the `field` at fault (`customers[3].foo`, relative to a `$input` variable); unexpected
 *   errors answer INTERNAL_SERVER_ERROR with a generic message, after the servers' error logging
 *   plugin has logged them with their stack, requestId and traceId.
 * - `defineService`: a service as `apps/<name>/src/service-definition.ts` exports it (name, config,
 *   create, how a test runs it); `runService` runs one as the body of main.ts (config, logger,
 *   start, graceful stop on signals), and platform-testing's kit runs the same one in-process.
 * - `onShutdownSignals`: SIGTERM/SIGINT call `stop` once and exit 0; a failure, a second signal
 *   or the timeout exit 1.
 * - Per-request DataLoaders for resolvers: `createIdLoader` (one value per entity id, ids in
 *   canonical form, an impossible id answered as missing without a query), `createEntityLoaders`
 *   (an entity by id and by its other unique key, each priming the other) and `createPagedLoader`
 *   (one page of a list field per entity; entities with the same page arguments share one query).
 */
export { createSubgraphServer, type SubgraphServer, type SubgraphServerOptions, type SubgraphResolvers } from './subgraph-server';
export { createGraphQLHttpServer, type GraphQLHttpServer, type GraphQLHttpServerOptions, type GraphQLSource } from './graphql-http-server';
export { createHttpApp, createMetricsRegistry, type HttpApp, type HttpAppOptions } from './http-app';
export type { ReadinessCheck, ReadinessChecks, ReadinessReport, CheckResult } from './readiness';
export { formatError } from './format-error';
export { compileOnRepeat } from './compile-on-repeat';
export { runService } from './run-service';
export {
  defineService,
  createDefinedService,
  type ServiceDefinition,
  type ServiceOptions,
  type ServiceTestProfile,
  type RunnableService,
} from './service-definition';
export {
  createIdLoader,
  createEntityLoaders,
  createPagedLoader,
  type CanonicalId,
  type IdLoaderOptions,
  type EntityLoaderOptions,
  type EntityLoaders,
  type PageKey,
} from './loaders';
export { onShutdownSignals, type ShutdownSignalOptions, type SignalTarget } from './shutdown-signals';
