import type { DependencyContext } from './dependency-context';
import { resolveNats } from './resolve-nats';
import { resolvePostgres } from './resolve-postgres';
import { resolveRedis } from './resolve-redis';

export interface Infrastructure {
  databaseUrl: string;
  natsUrl: string;
  /** Undefined only when Redis was optional and none could be had. */
  redisUrl: string | undefined;
}

/** PostgreSQL, NATS with JetStream and Redis, each given, found or started, one line each on report. */
export function resolveInfrastructure(context: DependencyContext, redis: 'required'): Promise<Infrastructure & { redisUrl: string }>;
export function resolveInfrastructure(context: DependencyContext, redis: 'optional'): Promise<Infrastructure>;
export async function resolveInfrastructure(context: DependencyContext, redis: 'required' | 'optional'): Promise<Infrastructure> {
  const databaseUrl = await resolvePostgres(context);
  const natsUrl = await resolveNats(context);
  const redisUrl = await resolveRedis(context, redis);
  return { databaseUrl, natsUrl, redisUrl };
}
