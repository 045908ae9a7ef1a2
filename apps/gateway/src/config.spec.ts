import { existsSync } from 'node:fs';
import { ConfigError } from '@rekindle/platform-config';
import { envSchema, loadGatewayConfig, subgraphUrlOverrides } from './config';

describe('gateway config', () => {
  it('needs no variable at all: every one has a default or is optional', () => {
    expect(Object.entries(envSchema.shape).filter(([, field]) => !field.safeParse(undefined).success)).toEqual([]);
  });

  it('defaults to port 4000 and the checked-in supergraph file', () => {
    const config = loadGatewayConfig({});
    expect(config).toMatchObject({ PORT: 4000, LOG_LEVEL: 'info', SUBGRAPH_TIMEOUT_MS: 15_000, MAX_QUERY_DEPTH: 15 });
    expect(config.SUPERGRAPH_PATH).toMatch(/apps\/gateway\/supergraph\.graphql$/);
    expect(existsSync(config.SUPERGRAPH_PATH)).toBe(true);
  });

  it('collects the subgraph URL overrides that are set, by subgraph name', () => {
    const config = loadGatewayConfig({ SUBGRAPH_URL_PROFILE: 'http://profile:4001/graphql', SUBGRAPH_URL_LOYALTY: 'https://loyalty.internal/graphql' });
    expect(subgraphUrlOverrides(config)).toEqual(
      new Map([
        ['profile', 'http://profile:4001/graphql'],
        ['loyalty', 'https://loyalty.internal/graphql'],
      ]),
    );
  });

  it('rejects a subgraph URL that is not http(s)', () => {
    expect(() => loadGatewayConfig({ SUBGRAPH_URL_CAMPAIGN: 'campaign:4004' })).toThrow(ConfigError);
  });
});
