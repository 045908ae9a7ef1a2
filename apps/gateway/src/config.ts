import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { envFields, loadConfig } from '@rekindle/platform-config';

/** Every subgraph of the supergraph (tools/supergraph/src/subgraphs.ts), each of which may get a URL override. */
export const SUBGRAPH_NAMES = ['profile', 'segmentation', 'recommendation', 'campaign', 'loyalty', 'experiment'] as const;

const subgraphUrl = z.url({ protocol: /^https?$/ }).optional().describe('overrides the URL composed into the supergraph');

// Next to the bundle in dist/apps/gateway (the build copies it there), or apps/gateway/ from src/.
const defaultSupergraphPath = () =>
  [join(__dirname, 'supergraph.graphql'), join(__dirname, '..', 'supergraph.graphql')].find((path) => existsSync(path)) ??
  join(__dirname, '..', 'supergraph.graphql');

/** The gateway's environment (documented in the README's table): everything has a default. */
export const envSchema = z.object({
  PORT: envFields.port(4000),
  LOG_LEVEL: envFields.logLevel,
  SUPERGRAPH_PATH: z.string().min(1).default(defaultSupergraphPath),
  SUBGRAPH_URL_PROFILE: subgraphUrl,
  SUBGRAPH_URL_SEGMENTATION: subgraphUrl,
  SUBGRAPH_URL_RECOMMENDATION: subgraphUrl,
  SUBGRAPH_URL_CAMPAIGN: subgraphUrl,
  SUBGRAPH_URL_LOYALTY: subgraphUrl,
  SUBGRAPH_URL_EXPERIMENT: subgraphUrl,
  /** Bound on one request to a subgraph; past it the subgraph counts as unavailable for that request. */
  SUBGRAPH_TIMEOUT_MS: envFields.milliseconds(15_000),
  /** Deepest selection nesting a client operation may have (introspection aside). */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(1).max(100).default(15),
  SHUTDOWN_TIMEOUT_MS: envFields.milliseconds(10_000),
});

export type GatewayConfig = z.infer<typeof envSchema>;

export const loadGatewayConfig = (env: NodeJS.ProcessEnv = process.env): GatewayConfig => loadConfig(envSchema, env);

/** The URL overrides that are set, by subgraph name. */
export function subgraphUrlOverrides(config: GatewayConfig): Map<string, string> {
  const overrides = new Map<string, string>();
  for (const name of SUBGRAPH_NAMES) {
    const url = config[`SUBGRAPH_URL_${name.toUpperCase() as Uppercase<typeof name>}`];
    if (url) overrides.set(name, url);
  }
  return overrides;
}
