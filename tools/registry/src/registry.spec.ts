import { consumedProducers, parseRegistry, subgraphUrlVariable } from './registry';

const gateway = { port: 4000, kind: 'gateway', description: 'the gateway' };
const subgraph = (port: number, more: object = {}) => ({ port, kind: 'subgraph', needs: ['database', 'bus'], description: 'a subgraph', ...more });

const problems = (json: unknown) => {
  try {
    parseRegistry(json, 'test.json');
    return '';
  } catch (error) {
    return (error as Error).message;
  }
};

describe('parseRegistry', () => {
  it('gives each service its name, scope and defaults, in file order', () => {
    const registry = parseRegistry({ gateway, profile: subgraph(4001), loyalty: subgraph(4005, { consumes: ['profile'] }) });
    expect(registry.gateway).toMatchObject({ name: 'gateway', scope: 'scope:gateway', needs: [], consumes: [] });
    expect(registry.subgraphs.map((s) => [s.name, s.port, s.consumes])).toEqual([
      ['profile', 4001, []],
      ['loyalty', 4005, ['profile']],
    ]);
    expect(registry.services.map((s) => s.name)).toEqual(['gateway', 'profile', 'loyalty']);
  });

  it.each([
    ['no gateway', { profile: subgraph(4001) }, 'exactly one service must be the gateway, found 0'],
    ['two gateways', { gateway, edge: { ...gateway, port: 4009 } }, 'found 2'],
    ['a port taken twice', { gateway, profile: subgraph(4000) }, "profile.port: port 4000 is already gateway's"],
    ['an unknown producer', { gateway, loyalty: subgraph(4005, { consumes: ['profile'] }) }, 'loyalty.consumes.0: "profile" is not a registered subgraph'],
    ['the gateway as a producer', { gateway, loyalty: subgraph(4005, { consumes: ['gateway'] }) }, '"gateway" is not a registered subgraph'],
    ['its own stream', { gateway, loyalty: subgraph(4005, { consumes: ['loyalty'] }) }, 'does not consume its own stream'],
    ['consuming without a bus', { gateway, profile: subgraph(4001), loyalty: subgraph(4005, { needs: [], consumes: ['profile'] }) }, 'needs "bus"'],
    ['a need twice', { gateway, profile: subgraph(4001, { needs: ['bus', 'bus'] }) }, 'lists a need twice'],
    ['an unknown need', { gateway, profile: subgraph(4001, { needs: ['queue'] }) }, 'profile.needs.0'],
    ['an unknown field', { gateway, profile: subgraph(4001, { prot: 4001 }) }, 'prot'],
    ['a name with capitals', { gateway, Profile: subgraph(4001) }, 'lower-case letters, digits and dashes'],
    ['no description', { gateway, profile: subgraph(4001, { description: '' }) }, 'profile.description'],
  ])('rejects %s, naming the file and the field', (_case, json, message) => {
    expect(problems(json)).toContain('test.json is not a valid service registry');
    expect(problems(json)).toContain(message);
  });
});

describe('derived names', () => {
  it('names the gateway variable of a subgraph URL', () => {
    expect(subgraphUrlVariable('experiment')).toBe('SUBGRAPH_URL_EXPERIMENT');
    expect(subgraphUrlVariable('loyalty-points')).toBe('SUBGRAPH_URL_LOYALTY_POINTS');
  });

  it('lists each consumed producer once', () => {
    const registry = parseRegistry({
      gateway,
      profile: subgraph(4001),
      loyalty: subgraph(4005, { consumes: ['profile'] }),
      experiment: subgraph(4006, { consumes: ['profile', 'loyalty'] }),
    });
    expect(consumedProducers(registry).map((s) => s.name)).toEqual(['profile', 'loyalty']);
  });
});
