import { Writable } from 'node:stream';
import { createLogger } from '@rekindle/platform-logger';
import { postGraphQL } from '@rekindle/platform-testing';
import { loadGatewayConfig } from '../config';
import { createGatewayService, type GatewayService } from '../gateway-service';
import { composeSupergraph } from '../testing/compose-supergraph';
import { startAccounts, startReviews, type TestSubgraph } from '../testing/test-subgraphs';

interface ReviewsData {
  latestReviews: { body: string; author: { id: string; name: string | null } }[];
}

describe('gateway over two subgraphs', () => {
  const logLines: Record<string, unknown>[] = [];
  let accounts: TestSubgraph;
  let reviews: TestSubgraph;
  let gateway: GatewayService;
  let url: string;
  let base: string;

  beforeAll(async () => {
    [accounts, reviews] = await Promise.all([startAccounts(), startReviews()]);
    const destination = new Writable({
      write(chunk, _encoding, done) {
        logLines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    gateway = createGatewayService({
      config: loadGatewayConfig({ PORT: '0', MAX_QUERY_DEPTH: '4', SUBGRAPH_TIMEOUT_MS: '500' }),
      logger: createLogger({ service: 'gateway', level: 'warn', destination }),
      supergraphSdl: composeSupergraph([accounts, reviews]),
    });
    ({ url } = await gateway.start());
    base = url.replace(/\/graphql$/, '');
  });
  afterAll(async () => {
    await gateway.stop();
    await Promise.all([accounts.stop(), reviews.stop()]);
  });

  it('joins both subgraphs in one query, either way round', async () => {
    const result = await postGraphQL<ReviewsData>(url, '{ latestReviews { body author { id name } } }');
    expect(result).toEqual({
      data: {
        latestReviews: [
          { body: 'Great quill', author: { id: 'u1', name: 'Ada' } },
          { body: 'Ink ran dry', author: { id: 'u2', name: 'Grace' } },
        ],
      },
    });
    const user = await postGraphQL(url, '{ user(id: "u2") { name reviews { body } } }');
    expect(user).toEqual({ data: { user: { name: 'Grace', reviews: [{ body: 'Ink ran dry' }] } } });
  });

  it('forwards the request id and continues the trace into every subgraph it calls', async () => {
    const traceId = '0af7651916cd43dd8448eb211c80319c';
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': 'gw-trace-1', traceparent: `00-${traceId}-b7ad6b7169203331-01` },
      body: JSON.stringify({ query: '{ latestReviews { author { name } } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('gw-trace-1');
    for (const subgraph of [accounts, reviews]) {
      expect(subgraph.seen).toContainEqual({ requestId: 'gw-trace-1', traceId });
    }
  });

  it('relays a subgraph domain error with its code and the subgraph name', async () => {
    const result = await postGraphQL(url, '{ review(id: "r404") { body } }');
    expect(result.errors?.[0]).toMatchObject({
      message: 'Review r404 was not found',
      extensions: { code: 'NOT_FOUND', entity: 'Review', id: 'r404', serviceName: 'reviews' },
    });
  });

  it('rejects an unknown input field with BAD_USER_INPUT naming the item and field', async () => {
    const result = await postGraphQL(url, 'mutation($input: AddReviewsInput!) { addReviews(input: $input) { id } }', {
      input: { reviews: [{ body: 'ok', authorId: 'u1' }, { body: 'meh', authorId: 'u2', stars: 2 }] },
    });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'reviews[1].stars' });
  });

  it('checks the variables of an operation seen before (compiled) as the first time: the same errors, found at the gateway', async () => {
    const query = 'mutation SeenBefore($input: AddReviewsInput!) { addReviews(input: $input) { body } }';
    const bad = { input: { reviews: [{ body: 'ok', authorId: 'u1' }, { body: 7, authorId: 'u2' }, { authorId: 'u3', stars: 5 }] } };
    const answers = [];
    for (let n = 0; n < 3; n += 1) answers.push(await postGraphQL(url, query, bad));
    expect(answers[0]?.errors?.map((e) => e.extensions)).toEqual([
      { code: 'BAD_USER_INPUT', field: 'reviews[1].body' },
      { code: 'BAD_USER_INPUT', field: 'reviews[2].body' },
      { code: 'BAD_USER_INPUT', field: 'reviews[2].stars' },
    ]);
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const good = { input: { reviews: [{ body: 'fine', authorId: 'u1' }] } };
    for (let n = 0; n < 3; n += 1) expect(await postGraphQL(url, query, good)).toEqual({ data: { addReviews: [{ body: 'fine' }] } });
  });

  it('rejects an operation deeper than MAX_QUERY_DEPTH', async () => {
    const result = await postGraphQL(url, '{ latestReviews { author { reviews { author { name } } } } }');
    expect(result.errors?.[0]).toMatchObject({ message: 'Operation is 5 levels deep; the limit is 4.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it('answers a subgraph that outlasts SUBGRAPH_TIMEOUT_MS as unavailable, keeping the rest of the data', async () => {
    const result = await postGraphQL(url, '{ slowUser { name } latestReviews { body } }');
    expect(result.data).toEqual({ slowUser: null, latestReviews: [{ body: 'Great quill' }, { body: 'Ink ran dry' }] });
    expect(result.errors).toEqual([
      { message: 'Subgraph "accounts" is unavailable: no answer within 500 ms', extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'accounts' } },
    ]);
  });

  it('serves GraphiQL to a browser on /graphql and JSON to everyone else', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('GraphiQL');
    const json = await fetch(`${url}?query=${encodeURIComponent('{ latestReviews { body } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(await json.json()).toEqual({ data: { latestReviews: [{ body: 'Great quill' }, { body: 'Ink ran dry' }] } });
  });

  it('shares the health and metrics endpoints of every service', async () => {
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { accounts: { status: 'ok' }, reviews: { status: 'ok' } } });
    expect(await (await fetch(`${base}/metrics`)).text()).toMatch(/^graphql_operations_total\{.*outcome="success".*\} \d+$/m);
  });

  describe('when a subgraph goes down', () => {
    beforeAll(() => accounts.stop());

    it('answers with the other subgraph data plus an error naming the one that is down', async () => {
      const result = await postGraphQL<ReviewsData>(url, '{ latestReviews { body author { id name } } }');
      expect(result.data?.latestReviews).toEqual([
        { body: 'Great quill', author: { id: 'u1', name: null } },
        { body: 'Ink ran dry', author: { id: 'u2', name: null } },
      ]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.message).toContain('accounts');
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'accounts' });
      expect(logLines).toContainEqual(expect.objectContaining({ level: 'warn', code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'accounts' }));
    });

    it('stays up and answers the next query', async () => {
      expect(await postGraphQL(url, '{ latestReviews { body } }')).toEqual({ data: { latestReviews: [{ body: 'Great quill' }, { body: 'Ink ran dry' }] } });
    });

    it('reports the subgraph that is down on /health/ready, still answering 200', async () => {
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({
        status: 'degraded',
        degraded: ['accounts'],
        checks: { accounts: { status: 'failed', critical: false }, reviews: { status: 'ok' } },
      });
    });
  });
});
