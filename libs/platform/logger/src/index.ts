/**
 * Logging: pino JSON lines. `runWithRequestContext` scopes a request id and W3C traceparent to an
 * async call tree, and every log line written inside it carries `requestId` and `traceId`.
 * `currentCaller()` is who is calling (`anonymous` until the gateway forwards a principal).
 */
export { createLogger, type Logger, type LoggerOptions } from './create-logger';
export {
  runWithRequestContext,
  currentRequestContext,
  currentCaller,
  ANONYMOUS_CALLER,
  requestContextFrom,
  childTraceparent,
  traceIdOf,
  type RequestContext,
} from './request-context';
