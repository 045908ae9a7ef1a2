import pino, { type DestinationStream, type Logger } from 'pino';
import { currentRequestContext, traceIdOf } from './request-context';

export type { Logger };

export interface LoggerOptions {
  service: string;
  level?: string;
  /** Where lines go; stdout when omitted. Tests pass a stream to read the lines back. */
  destination?: DestinationStream;
}

/**
 * pino's error serializer without what a failed query carries along: TypeORM's QueryFailedError
 * holds the statement's parameters (megabytes for a batch, and customers' personal data) twice,
 * as `parameters` and inside `driverError`. The query text and PostgreSQL's code and detail stay.
 */
function serializeError(error: Error): unknown {
  const serialized: unknown = pino.stdSerializers.err(error);
  // pino hands back what is not an error as it came (a string, say): nothing to strip.
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  const { parameters: _parameters, driverError: _driverError, ...rest } = serialized as Record<string, unknown>;
  return rest;
}

/** JSON-lines logger; every line made inside a request context carries its requestId and traceId. */
export function createLogger({ service, level = 'info', destination }: LoggerOptions): Logger {
  return pino(
    {
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      serializers: { err: serializeError },
      mixin() {
        const context = currentRequestContext();
        return context ? { requestId: context.requestId, traceId: traceIdOf(context.traceparent) } : {};
      },
    },
    destination,
  );
}
