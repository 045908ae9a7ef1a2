import { setTimeout as sleep } from 'node:timers/promises';
import { NotFoundError } from '@rekindle/util';
import { createLogger, currentRequestContext, traceIdOf } from '@rekindle/platform-logger';
import { createSubgraphServer, type SubgraphResolvers } from '@rekindle/platform-subgraph-server';

/** What a test subgraph saw of each request: the ids the gateway forwarded. */
export interface SeenRequest {
  requestId: string | undefined;
  traceId: string | undefined;
}

export interface TestSubgraph {
  name: string;
  url: string;
  typeDefs: string;
  seen: SeenRequest[];
  stop(): Promise<void>;
}

const FEDERATION = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])';

/** Owns users. */
export const accountsTypeDefs = /* GraphQL */ `
  ${FEDERATION}

  type User @key(fields: "id") {
    id: ID!
    name: String
  }

  type Query {
    user(id: ID!): User
    "Answers after a second: slower than the gateway's subgraph timeout in the tests."
    slowUser: User
  }
`;

/** Owns reviews, and adds `reviews` to User. */
export const reviewsTypeDefs = /* GraphQL */ `
  ${FEDERATION}

  type Review {
    id: ID!
    body: String!
    author: User!
  }

  type User @key(fields: "id") {
    id: ID!
    reviews: [Review!]!
  }

  input ReviewInput {
    body: String!
    authorId: ID!
  }

  input AddReviewsInput {
    reviews: [ReviewInput!]!
  }

  type Query {
    latestReviews: [Review!]!
    review(id: ID!): Review!
  }

  type Mutation {
    addReviews(input: AddReviewsInput!): [Review!]!
  }
`;

const users = new Map([
  ['u1', { id: 'u1', name: 'Ada' }],
  ['u2', { id: 'u2', name: 'Grace' }],
]);
const reviews = [
  { id: 'r1', body: 'Great quill', authorId: 'u1' },
  { id: 'r2', body: 'Ink ran dry', authorId: 'u2' },
];
const asReview = (review: (typeof reviews)[number]) => ({ ...review, author: { id: review.authorId } });

const accountsResolvers: SubgraphResolvers = {
  User: { __resolveReference: (reference: { id: string }) => users.get(reference.id) },
  Query: {
    user: (_root: unknown, { id }: { id: string }) => users.get(id) ?? null,
    slowUser: async () => {
      await sleep(1_000);
      return users.get('u1');
    },
  },
};

const reviewsResolvers: SubgraphResolvers = {
  User: { reviews: (user: { id: string }) => reviews.filter((r) => r.authorId === user.id).map(asReview) },
  Query: {
    latestReviews: () => reviews.map(asReview),
    review: (_root: unknown, { id }: { id: string }) => {
      const review = reviews.find((r) => r.id === id);
      if (!review) throw new NotFoundError('Review', id);
      return asReview(review);
    },
  },
  Mutation: {
    addReviews: (_root: unknown, { input }: { input: { reviews: { body: string; authorId: string }[] } }) =>
      input.reviews.map((r, i) => asReview({ id: `new-${i}`, ...r })),
  },
};

async function startTestSubgraph(name: string, typeDefs: string, resolvers: SubgraphResolvers): Promise<TestSubgraph> {
  const seen: SeenRequest[] = [];
  const server = createSubgraphServer({
    name,
    typeDefs,
    resolvers,
    port: 0,
    host: '127.0.0.1',
    logger: createLogger({ service: name, level: 'silent' }),
    context: async () => {
      const request = currentRequestContext();
      seen.push({ requestId: request?.requestId, traceId: request && traceIdOf(request.traceparent) });
      return {};
    },
    shutdownTimeoutMs: 2_000,
  });
  const { url } = await server.start();
  return { name, url, typeDefs, seen, stop: () => server.stop() };
}

/** Two tiny subgraphs on free ports, in this process: `accounts` owns User, `reviews` extends it. */
export const startAccounts = () => startTestSubgraph('accounts', accountsTypeDefs, accountsResolvers);
export const startReviews = () => startTestSubgraph('reviews', reviewsTypeDefs, reviewsResolvers);
