import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { depthLimitRule } from './depth-limit.rule';

const schema = buildSchema(`
  type Customer { id: ID!, friends: [Customer!]!, name: String }
  type Query { customer: Customer }
`);

const errors = (query: string, maxDepth: number) => validate(schema, parse(query), [...specifiedRules, depthLimitRule(maxDepth)]).map((e) => e.message);

describe('depthLimitRule', () => {
  it('accepts an operation at the limit and rejects one past it', () => {
    expect(errors('{ customer { friends { name } } }', 3)).toEqual([]);
    expect(errors('{ customer { friends { friends { name } } } }', 3)).toEqual(['Operation is 4 levels deep; the limit is 3.']);
  });

  it('counts through named and inline fragments', () => {
    const query = `
      query { customer { ...Friends } }
      fragment Friends on Customer { friends { ... on Customer { friends { name } } } }
    `;
    expect(errors(query, 3)).toEqual(['Operation is 4 levels deep; the limit is 3.']);
  });

  it('does not loop on a fragment cycle (reported by the standard rules)', () => {
    const query = '{ customer { ...A } } fragment A on Customer { friends { ...A } }';
    expect(errors(query, 10)).toEqual(['Cannot spread fragment "A" within itself.']);
  });

  it('lets the full introspection query through a tight limit', () => {
    expect(errors(getIntrospectionQuery(), 2)).toEqual([]);
  });
});
