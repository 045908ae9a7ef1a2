import type { RequestHandler } from 'express';
import type { Registry } from 'prom-client';
import { histogram } from './metric';

/**
 * Times every request into `http_request_duration_seconds{route,method,status}`. The route is the
 * matched express route or one of `mountedPaths`; anything else is `unmatched`, so scanners
 * probing random URLs cannot blow up the label set.
 */
export function httpMetricsMiddleware(registry: Registry, mountedPaths: ReadonlySet<string>): RequestHandler {
  const duration = histogram(registry, {
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration in seconds, by route, method and status',
    labelNames: ['route', 'method', 'status'],
  });
  return (req, res, next) => {
    const path = req.path;
    const end = duration.startTimer();
    res.once('finish', () => {
      const matched = req.route as { path?: unknown } | undefined;
      const route = typeof matched?.path === 'string' ? matched.path : mountedPaths.has(path) ? path : 'unmatched';
      end({ route, method: req.method, status: String(res.statusCode) });
    });
    next();
  };
}
