import { parse } from 'yaml';
import { parseRegistry } from '../registry';
import { renderAppKustomization, renderAppValues, renderBaseResources, renderGatewaySubgraphUrls } from './kubernetes';

const registry = parseRegistry({
  gateway: { port: 4000, kind: 'gateway', description: 'g' },
  profile: { port: 4001, kind: 'subgraph', needs: ['database', 'bus'], description: 'p' },
  campaign: { port: 4004, kind: 'subgraph', needs: ['bus'], description: 'c' },
});
const service = (name: string) => registry.services.find((s) => s.name === name)!;
const [gateway, profile, campaign] = [service('gateway'), service('profile'), service('campaign')];

describe('Kubernetes per-app files', () => {
  it('adds the database component only to an app with a database', () => {
    expect(parse(renderAppKustomization(profile))).toMatchObject({ components: ['../../components/service', '../../components/database'] });
    expect(parse(renderAppKustomization(campaign))).toMatchObject({ components: ['../../components/service'] });
  });

  it("gives the gateway its subgraphs' URLs from a generated ConfigMap", () => {
    expect(parse(renderAppKustomization(gateway))).toMatchObject({ configMapGenerator: [{ name: 'gateway-subgraph-urls', envs: ['subgraph-urls.env'] }] });
    expect(renderGatewaySubgraphUrls(registry).split('\n').slice(1)).toEqual([
      'SUBGRAPH_URL_PROFILE=http://profile:4001/graphql',
      'SUBGRAPH_URL_CAMPAIGN=http://campaign:4004/graphql',
      '',
    ]);
  });

  it('writes the values the components read, the port both as a number and as a string', () => {
    expect(parse(renderAppValues(campaign))).toEqual({
      apiVersion: 'rekindle.dev/v1',
      kind: 'ServiceValues',
      metadata: { name: 'campaign-values', annotations: { 'config.kubernetes.io/local-config': 'true' } },
      spec: { name: 'campaign', port: 4004, portString: '4004' },
    });
  });

  it('lists one base folder per app', () => {
    expect(renderBaseResources(registry)).toBe('  - gateway\n  - profile\n  - campaign');
  });
});
