/**
 * Experiment preload (node --require): every NATS connection of the process is opened with
 * `noAsyncTraces: true`, as if libs/platform/messaging/src/bus.ts passed it to connect(). Lets the
 * ingestion benchmark measure that change without editing the app:
 *   PROFILE_NODE_ARGS="--require ./tools/bench/src/preload/nats-no-async-traces.cjs" npx tsx tools/bench/src/ingest-through-gateway.ts
 */
const { NatsConnectionImpl } = require('nats/lib/nats-base-client/nats');

const original = NatsConnectionImpl.connect;
NatsConnectionImpl.connect = function connect(opts = {}) {
  return original.call(this, { ...opts, noAsyncTraces: true });
};
