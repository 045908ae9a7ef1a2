/**
 * Test helpers for integration tests against the real PostgreSQL, NATS JetStream and Redis on
 * loopback: every run gets its own database schema and bus prefix (stream and subject names).
 */
export { testEnv, type TestEnv } from './test-config';
export { uniqueTestId } from './unique-id';
export { createTestDatabase, type TestDatabase } from './test-database';
export { postGraphQL, type GraphQLResponse } from './graphql-client';
export { createTestBus, readStream, type TestBus, type TestBusOptions, type ReadStreamOptions } from './test-bus';
export { startPrivateNatsServer, type PrivateNatsServer } from './private-nats-server';
export { startTestService, type TestService, type TestServiceOptions } from './start-test-service';
export { outboxEvents } from './outbox-events';
export { waitFor, type WaitForOptions } from './wait-for';
