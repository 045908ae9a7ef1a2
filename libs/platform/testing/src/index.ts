/**
 * Test helpers for integration and end-to-end tests against the real PostgreSQL, NATS JetStream
 * and Redis on loopback: every run gets its own database schema and bus prefix (stream and
 * subject names), and deletes them when it stops.
 *
 * - `startTestStack(['profile', 'loyalty'], { gateway: true })`: services started in-process by
 *   name (each app's `apps/<name>/src/service-definition.ts`), one bus prefix for all, optionally
 *   the gateway in front; `settle()` waits until what it was told has gone all the way through.
 * - `startTestService(definition, options)`: one service from its definition, for an app's own
 *   integration tests (typed: `service` is the app's service object).
 * - `waitFor`, `waitUntilConsumed`, `waitUntilPublished`: waiting for what is expected, never for time.
 * - `profileEvents`: profile's events as profile emits them, for tests of the services that read them.
 * - `graph/*`: GraphQL documents and inputs the tests send, as a partner or frontend would.
 */
export { testEnv, type TestEnv } from './test-config';
export { uniqueTestId } from './unique-id';
export { createTestDatabase, type TestDatabase } from './test-database';
export { postGraphQL, type GraphQLResponse } from './graphql-client';
export { createTestBus, readStream, streamsOf, type TestBus, type TestBusOptions, type ReadStreamOptions } from './test-bus';
export { startPrivateNatsServer, type PrivateNatsServer } from './private-nats-server';
export type { SubgraphService } from './service-definitions';
export { startTestService, type TestService, type TestServiceOptions } from './test-service';
export { startTestStack, type TestStack, type TestStackOptions, type TestGateway } from './test-stack';
export { outboxEvents } from './outbox-events';
export { waitFor, type WaitForOptions } from './wait-for';
export { waitUntilConsumed } from './wait-until-consumed';
export { waitUntilPublished } from './wait-until-published';
export { profileEvents, publishProfileEvents, type RecordedEventOptions } from './profile-events';
export { RECORD_EVENTS, customerEvent, daysBefore, login, order, recordEvents, type RecordEventsData } from './graph/record-events';
export {
  ASSIGN,
  ASSIGN_MANY,
  CREATE_EXPERIMENT,
  EXPERIMENT_FIELDS,
  RECORD_CONVERSION,
  RESULTS,
  START_EXPERIMENT,
  STOP_EXPERIMENT,
  UPDATE_EXPERIMENT,
  experimentDefinition,
  type AssignData,
  type AssignManyData,
  type ResultsData,
  type VariantResultsData,
} from './graph/experiment-documents';
