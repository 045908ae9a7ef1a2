import type { RequestHandler } from 'express';
import { requestContextFrom, runWithRequestContext } from '@rekindle/platform-logger';

/**
 * Continues the caller's request id and trace (or starts them), echoes `x-request-id`, and runs
 * the rest of the request inside that context so every log line and outgoing call carries it.
 */
export const requestContextMiddleware: RequestHandler = (req, res, next) => {
  const context = requestContextFrom({ requestId: req.get('x-request-id'), traceparent: req.get('traceparent') });
  res.setHeader('x-request-id', context.requestId);
  runWithRequestContext(context, () => next());
};
