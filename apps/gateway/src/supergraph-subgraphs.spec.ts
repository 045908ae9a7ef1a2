import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { supergraphSubgraphs } from './supergraph-subgraphs';

const checkedIn = readFileSync(join(__dirname, '..', 'supergraph.graphql'), 'utf8');

describe('supergraphSubgraphs', () => {
  it('lists the subgraphs of the checked-in supergraph with their composed URLs', () => {
    const subgraphs = supergraphSubgraphs(checkedIn);
    expect(subgraphs.length).toBeGreaterThan(0);
    expect(subgraphs).toContainEqual({ name: 'profile', url: 'http://127.0.0.1:4001/graphql' });
  });

  it('applies URL overrides by subgraph name', () => {
    const subgraphs = supergraphSubgraphs(checkedIn, new Map([['profile', 'http://profile:4001/graphql']]));
    expect(subgraphs).toContainEqual({ name: 'profile', url: 'http://profile:4001/graphql' });
  });

  it('finds nothing in a schema that is not a supergraph', () => {
    expect(supergraphSubgraphs('type Query { a: Int }')).toEqual([]);
  });
});
