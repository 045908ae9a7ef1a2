import { subgraphUrlVariable } from '@rekindle/tools-registry';
import { localSubgraphUrl, type SubgraphSpec } from '@rekindle/tools-supergraph';
import type { Infrastructure } from './resolve-infrastructure';

export interface SharedServiceSettings {
  /** The runner's environment, inherited by every service. */
  inheritedEnv: Record<string, string>;
  infrastructure: Infrastructure;
  logLevel: string;
}

/** What every subgraph (and its migrate.ts) is started with; REKINDLE_NOW, when set, is inherited. */
export function subgraphEnv(settings: SharedServiceSettings, spec: SubgraphSpec): Record<string, string> {
  const { infrastructure } = settings;
  const env: Record<string, string> = {
    ...settings.inheritedEnv,
    PORT: String(spec.port),
    DATABASE_URL: infrastructure.databaseUrl,
    NATS_URL: infrastructure.natsUrl,
    LOG_LEVEL: settings.logLevel,
  };
  // Unset rather than empty: the services read an unset REDIS_URL as "cache in memory".
  if (infrastructure.redisUrl === undefined) delete env['REDIS_URL'];
  else env['REDIS_URL'] = infrastructure.redisUrl;
  return env;
}

/** What the gateway is started with: its port and every subgraph's URL. */
export function gatewayEnv(settings: SharedServiceSettings, port: number, specs: SubgraphSpec[]): Record<string, string> {
  return {
    ...settings.inheritedEnv,
    PORT: String(port),
    LOG_LEVEL: settings.logLevel,
    ...Object.fromEntries(specs.map((spec) => [subgraphUrlVariable(spec.name), localSubgraphUrl(spec)])),
  };
}
