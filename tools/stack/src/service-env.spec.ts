import type { SubgraphSpec } from '@rekindle/tools-supergraph';
import { gatewayEnv, subgraphEnv, type SharedServiceSettings } from './service-env';

const profile: SubgraphSpec = { name: 'profile', port: 4001, schemaPath: 'apps/profile/src/schema.graphql', hasDatabase: true };
const settings = (redisUrl: string | undefined, inheritedEnv: Record<string, string> = {}): SharedServiceSettings => ({
  inheritedEnv: { PATH: '/bin', ...inheritedEnv },
  infrastructure: { databaseUrl: 'postgres://db/rekindle', natsUrl: 'nats://n:1', redisUrl },
  logLevel: 'debug',
});

describe('service environments', () => {
  it('gives a subgraph its port and the infrastructure, over the inherited environment', () => {
    expect(subgraphEnv(settings('redis://r:1', { PORT: '9', REKINDLE_NOW: '2011-12-10T00:00:00Z' }), profile)).toEqual({
      PATH: '/bin',
      PORT: '4001',
      DATABASE_URL: 'postgres://db/rekindle',
      NATS_URL: 'nats://n:1',
      REDIS_URL: 'redis://r:1',
      LOG_LEVEL: 'debug',
      REKINDLE_NOW: '2011-12-10T00:00:00Z',
    });
  });

  it('leaves REDIS_URL unset when there is no Redis', () => {
    expect(subgraphEnv(settings(undefined), profile)).not.toHaveProperty('REDIS_URL');
  });

  it("gives the gateway every subgraph's URL", () => {
    const env = gatewayEnv(settings(undefined), 4000, [profile, { ...profile, name: 'loyalty-points', port: 4005 }]);
    expect(env).toMatchObject({
      PORT: '4000',
      SUBGRAPH_URL_PROFILE: 'http://127.0.0.1:4001/graphql',
      SUBGRAPH_URL_LOYALTY_POINTS: 'http://127.0.0.1:4005/graphql',
    });
  });
});
