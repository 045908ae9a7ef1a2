import type { ErrorRequestHandler } from 'express';
import { ErrorCode } from '@rekindle/util';
import type { Logger } from '@rekindle/platform-logger';

function statusOf(error: unknown): number {
  const status = (error as { status?: unknown; statusCode?: unknown } | null)?.status ?? (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' && status >= 400 && status < 600 ? status : 500;
}

/**
 * The last handler: answers errors that escaped the routes (a malformed or oversized JSON body)
 * in the GraphQL error shape, never with a stack trace.
 */
export function httpErrorMiddleware(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = statusOf(error);
    if (status >= 500) logger.error({ err: error }, 'unhandled error in HTTP request');
    const message = status < 500 && error instanceof Error ? error.message : 'Internal server error';
    const code = status < 500 ? 'BAD_REQUEST' : ErrorCode.INTERNAL_SERVER_ERROR;
    res.status(status).json({ errors: [{ message, extensions: { code } }] });
  };
}
