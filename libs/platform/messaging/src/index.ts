/**
 * Messaging: domain events over NATS JetStream with a transactional outbox and inbox (DESIGN.md §3).
 *
 * - `connectBus` opens the connection (reconnecting forever). `prefix` is '' in production; tests
 *   pass a unique id that prefixes every subject (`<prefix>.profile.…`) and stream (`<PREFIX>_PROFILE`).
 *   One stream per producing service, file storage, 2-minute duplicate window.
 * - Producing: `appendToOutbox(manager, events)` inside the use case's transaction, then
 *   `relay.notify()` after commit. `OutboxRelay` publishes pending rows in order with
 *   `Nats-Msg-Id` = event id and marks them sent; a crash or an outage loses nothing and JetStream
 *   drops the copies a retry produces. It publishes through `createBatchPublisher`, which sends a
 *   whole batch with core publishes and matches the PubAcks on one inbox subscription; use it to
 *   publish to JetStream from anywhere else too. `WorkLoop` is the background loop the relay runs
 *   on (notify, back-off, drain, stop); use it for any other batch worker.
 * - Batches: a message may carry many events of one subject as a JSON array of envelopes (the
 *   CloudEvents JSON batch format, `batchBySubject`); each keeps its own id. The outbox stores one
 *   message per row, so the events a transaction appends travel together; consumers need not care
 *   (`decodeMessage`).
 * - Consuming: a service declares each durable consumer with `defineConsumer({ producer, durable })`
 *   and `.on(contract, (event, manager) => …)` per event type (the event parsed against its contract
 *   there, once), and starts them all with `startConsumers` (`consumerBacklog` tells how far one is
 *   behind). Underneath, `startConsumer` runs a named durable pull consumer; each event's inbox row
 *   and the handler's writes commit in one transaction before the ack, so redeliveries change
 *   nothing (the events of a batch commit together).
 *   Failures retry with back-off, then land in `dead_letter` (`listDeadLetters`, `replayDeadLetter`).
 * - `messagingMigrations` creates `outbox`, `inbox` and `dead_letter`; every service appends it to
 *   its own migration list. `pruneMessagingTables` deletes published outbox rows and inbox entries
 *   past their retention (each service's runtime runs it every 10 minutes).
 */
export { connectBus, type Bus, type BusOptions } from './bus';
export { messagingMigrations, CreateMessagingTables1732406400000 } from './migrations';
export { appendToOutbox } from './outbox';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export {
  createBatchPublisher,
  type BatchPublisher,
  type BatchPublisherOptions,
  type OutgoingMessage,
  type PublishOutcome,
} from './batch-publisher';
export { startConsumer, type ConsumerOptions, type RunningConsumer } from './consumer';
export { type EventHandler, type EventHandlers } from './inbox';
export { defineConsumer, type ConsumerDefinition, type ContractHandler } from './define-consumer';
export { startConsumers, consumerBacklog, type StartConsumersOptions } from './start-consumers';
export {
  listDeadLetters,
  replayDeadLetter,
  type DeadLetter,
  type ListDeadLettersOptions,
  type ReplayDeadLetterOptions,
} from './dead-letter';
export { decodeMessage, encodeEventBatch, type DecodedMessage } from './event-codec';
export { batchBySubject, MAX_EVENTS_PER_MESSAGE, MAX_MESSAGE_BYTES, type EventBatch, type SerializedEvent } from './event-batches';
export { subjectOfType } from './naming';
export { WorkLoop, type WorkLoopOptions } from './work-loop';
export { pruneMessagingTables, type MessagingRetention } from './retention';
