import { parse } from 'yaml';
import { parseRegistry } from '../registry';
import { renderDockerCompose } from './docker-compose';

interface Service {
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  build?: { args?: Record<string, string | number> };
}

const render = (json: object) =>
  parse(renderDockerCompose(parseRegistry(json)), { merge: true }) as { services: Record<string, Service>; volumes?: Record<string, null> };

const gateway = { port: 4000, kind: 'gateway', description: 'g' };
const profile = { port: 4001, kind: 'subgraph', needs: ['database', 'bus', 'cache'], description: 'p' };
const campaign = { port: 4004, kind: 'subgraph', needs: ['bus'], consumes: ['profile'], description: 'c' };

describe('renderDockerCompose', () => {
  const compose = render({ gateway, profile, campaign });

  it('migrates a subgraph with a database first, with the same build and environment', () => {
    expect(compose.services['profile']?.depends_on).toEqual({
      postgres: { condition: 'service_healthy' },
      nats: { condition: 'service_healthy' },
      redis: { condition: 'service_healthy' },
      'profile-migrate': { condition: 'service_completed_successfully' },
    });
    expect(compose.services['profile-migrate']?.build).toEqual(compose.services['profile']?.build);
    expect(compose.services['profile']?.environment).toEqual({ ...compose.services['profile-migrate']?.environment, PORT: 4001 });
  });

  it('gives a subgraph only what it needs, and no migration without a database', () => {
    expect(compose.services['campaign-migrate']).toBeUndefined();
    expect(compose.services['campaign']?.environment).toEqual({ NATS_URL: 'nats://nats:4222', LOG_LEVEL: 'info', PORT: 4004 });
    expect(compose.services['campaign']?.depends_on).toEqual({ nats: { condition: 'service_healthy' } });
    expect(compose.services['campaign']?.build?.args).toEqual({ APP: 'campaign', PORT: 4004 });
  });

  it('points the gateway at every subgraph by name and waits for them', () => {
    expect(compose.services['gateway']?.environment).toMatchObject({
      PORT: 4000,
      SUBGRAPH_URL_PROFILE: 'http://profile:4001/graphql',
      SUBGRAPH_URL_CAMPAIGN: 'http://campaign:4004/graphql',
    });
    expect(compose.services['gateway']?.depends_on).toEqual({
      profile: { condition: 'service_healthy' },
      campaign: { condition: 'service_healthy' },
    });
  });

  it('runs only the infrastructure some service needs', () => {
    const busOnly = render({ gateway, campaign: { ...campaign, consumes: [] } });
    expect(Object.keys(busOnly.services)).toEqual(['nats', 'campaign', 'gateway']);
    expect(busOnly.volumes).toEqual({ 'nats-data': null });
  });
});
