import { parseRegistry } from '../registry';
import { renderServicesTable } from './readme';

describe('renderServicesTable', () => {
  it('lists every service with its port and description, in registry order', () => {
    const registry = parseRegistry({
      gateway: { port: 4000, kind: 'gateway', description: 'GraphiQL at `/graphql`' },
      profile: { port: 4001, kind: 'subgraph', description: 'customers | consents' },
    });
    expect(renderServicesTable(registry)).toBe(
      ['| process | port | what it is |', '|---|---|---|', '| gateway | 4000 | GraphiQL at `/graphql` |', '| profile | 4001 | customers \\| consents |'].join('\n'),
    );
  });
});
