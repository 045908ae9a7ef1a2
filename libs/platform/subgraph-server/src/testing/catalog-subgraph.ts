import { setTimeout as sleep } from 'node:timers/promises';
import { Writable } from 'node:stream';
import { InputError, NotFoundError } from '@rekindle/util';
import { createLogger } from '@rekindle/platform-logger';
import { createSubgraphServer, type SubgraphServerOptions } from '../index';

/** A tiny subgraph for the server's own tests: an entity, queries, and a mutation that fails on demand. */
export const catalogTypeDefs = /* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])

  scalar DateTime

  type Product @key(fields: "id") {
    id: ID!
    name: String!
    addedAt: DateTime!
  }

  input ProductInput {
    name: String!
    price: Int
  }

  input AddProductsInput {
    products: [ProductInput!]!
  }

  enum Failure {
    INPUT
    NOT_FOUND
    UNEXPECTED
  }

  type Query {
    product(id: ID!): Product
    "Answers after \`ms\` milliseconds: an in-flight request for the drain test."
    slow(ms: Int!): String!
  }

  type Mutation {
    addProducts(input: AddProductsInput!): [Product!]!
    fail(with: Failure!): Boolean
  }
`;

type CatalogContext = Record<string, never>;

const products = new Map([['p1', { id: 'p1', name: 'Quill', addedAt: new Date('2011-12-09T12:50:00Z') }]]);

export const catalogResolvers = {
  Product: {
    __resolveReference: (reference: { id: string }) => products.get(reference.id),
  },
  Query: {
    product: (_root: unknown, { id }: { id: string }) => products.get(id) ?? null,
    slow: async (_root: unknown, { ms }: { ms: number }) => {
      await sleep(ms);
      return `slept ${ms}`;
    },
  },
  Mutation: {
    addProducts: (_root: unknown, { input }: { input: { products: { name: string }[] } }) =>
      input.products.map((p, i) => ({ id: `new-${i}`, name: p.name, addedAt: new Date() })),
    fail: (_root: unknown, args: { with: string }) => {
      if (args.with === 'INPUT') throw new InputError([{ field: 'products[2].name', message: 'must not be blank', index: 2 }]);
      if (args.with === 'NOT_FOUND') throw new NotFoundError('Product', 'p404');
      throw new Error('connect ECONNREFUSED 10.1.2.3:5432 (password=hunter2)');
    },
  },
};

/** Collects the JSON lines a logger writes. */
export function captureLogs() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { lines, logger: createLogger({ service: 'catalog', level: 'info', destination }) };
}

export function createCatalogSubgraph(overrides: Partial<SubgraphServerOptions<CatalogContext>> & Pick<SubgraphServerOptions<CatalogContext>, 'logger'>) {
  return createSubgraphServer<CatalogContext>({
    name: 'catalog',
    typeDefs: catalogTypeDefs,
    resolvers: catalogResolvers,
    port: 0,
    host: '127.0.0.1',
    context: async () => ({}),
    ...overrides,
  });
}
