import type { ReadinessChecks } from '@rekindle/platform-subgraph-server';
import type { SubgraphEndpoint } from './supergraph-subgraphs';

const PROBE_TIMEOUT_MS = 1_500;

/**
 * One non-critical check per subgraph, asking its /health/ready: the gateway still serves what the
 * others own while one is down, so a down subgraph shows as `degraded`, named.
 */
export function subgraphReadinessChecks(subgraphs: SubgraphEndpoint[]): ReadinessChecks {
  return Object.fromEntries(
    subgraphs.map(({ name, url }) => [
      name,
      {
        critical: false,
        async run() {
          const response = await fetch(new URL('/health/ready', url), { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
          await response.body?.cancel();
          if (!response.ok) throw new Error(`/health/ready answered ${response.status}`);
        },
      },
    ]),
  );
}
