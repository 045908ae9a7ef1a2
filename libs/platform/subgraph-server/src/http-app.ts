import express, { type Express } from 'express';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Logger } from '@rekindle/platform-logger';
import { httpErrorMiddleware } from './http-error.middleware';
import { httpMetricsMiddleware } from './http-metrics.middleware';
import { runReadinessChecks, type ReadinessChecks, type ReadinessReport } from './readiness';
import { requestContextMiddleware } from './request-context.middleware';

export interface HttpAppOptions {
  /** The service name: the `service` label on every metric. */
  name: string;
  logger: Logger;
  readinessChecks?: ReadinessChecks;
  /** A registry to expose; a new one with the default process metrics when omitted. */
  registry?: Registry;
  readinessTimeoutMs?: number;
  jsonBodyLimit?: string;
  /** Mounts the process's own routes (GraphiQL, /graphql) after the shared ones. */
  routes?: (app: Express) => void;
}

export interface HttpApp {
  app: Express;
  registry: Registry;
  /** From now on /health/ready answers 503, so load balancers stop sending traffic. */
  beginShutdown(): void;
}

const MOUNTED_PATHS = new Set(['/graphql', '/health/live', '/health/ready', '/metrics']);

/** A registry with the process metrics, labelled with the service name. */
export function createMetricsRegistry(name: string): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: name });
  collectDefaultMetrics({ register: registry });
  return registry;
}

/**
 * The express app every Rekindle HTTP process shares: request id and trace context, health,
 * Prometheus metrics, a JSON body limit, and an error handler that never leaks a stack.
 */
export function createHttpApp({
  name,
  logger,
  readinessChecks = {},
  registry = createMetricsRegistry(name),
  readinessTimeoutMs = 2_000,
  jsonBodyLimit = '10mb',
  routes,
}: HttpAppOptions): HttpApp {
  let shuttingDown = false;
  const app = express();
  app.disable('x-powered-by');
  app.use(httpMetricsMiddleware(registry, MOUNTED_PATHS));
  // Parse the body before entering the request context: body-parser's stream callbacks would lose it.
  app.use(express.json({ limit: jsonBodyLimit }));
  app.use(requestContextMiddleware);

  app.get('/health/live', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/health/ready', async (_req, res) => {
    const report: ReadinessReport = shuttingDown
      ? { status: 'shutting_down', checks: {}, degraded: [] }
      : await runReadinessChecks(readinessChecks, readinessTimeoutMs);
    res.status(report.status === 'ready' || report.status === 'degraded' ? 200 : 503).json(report);
  });
  app.get('/metrics', async (_req, res) => {
    res.set('Content-Type', registry.contentType).send(await registry.metrics());
  });

  routes?.(app);
  app.use(httpErrorMiddleware(logger));

  return {
    app,
    registry,
    beginShutdown() {
      shuttingDown = true;
    },
  };
}
