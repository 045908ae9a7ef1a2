import { postGraphQL } from '@rekindle/platform-testing';
import { createLogger } from '@rekindle/platform-logger';
import type { SubgraphServer } from './index';
import { captureLogs, createCatalogSubgraph } from './testing/catalog-subgraph';
import { metricValue } from './testing/metric-value';

describe('createSubgraphServer', () => {
  const { lines, logger } = captureLogs();
  let databaseUp = true;
  let cacheUp = true;
  let server: SubgraphServer;
  let url: string;
  let base: string;

  beforeAll(async () => {
    server = createCatalogSubgraph({
      logger,
      readinessChecks: {
        database: { run: () => (databaseUp ? Promise.resolve() : Promise.reject(new Error('database down'))), critical: true },
        cache: { run: () => (cacheUp ? Promise.resolve() : Promise.reject(new Error('redis down'))) },
      },
    });
    ({ url } = await server.start());
    base = url.replace(/\/graphql$/, '');
  });
  afterAll(() => server.stop());

  describe('health', () => {
    afterEach(() => {
      databaseUp = true;
      cacheUp = true;
    });

    it('is live', async () => {
      const response = await fetch(`${base}/health/live`);
      expect(response.status).toBe(200);
    });

    it('is ready when every check passes', async () => {
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'ready', degraded: [], checks: { database: { status: 'ok' }, cache: { status: 'ok' } } });
    });

    it('answers 200 degraded when only the non-critical cache fails', async () => {
      cacheUp = false;
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: 'degraded', degraded: ['cache'], checks: { cache: { status: 'failed', error: 'redis down' } } });
    });

    it('answers 503 when a critical check fails', async () => {
      databaseUp = false;
      const response = await fetch(`${base}/health/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'unavailable', checks: { database: { status: 'failed', critical: true } } });
    });
  });

  describe('request id and trace', () => {
    it('echoes the caller x-request-id, or makes one up', async () => {
      const given = await fetch(`${base}/health/live`, { headers: { 'x-request-id': 'partner-req-42' } });
      expect(given.headers.get('x-request-id')).toBe('partner-req-42');
      const generated = await fetch(`${base}/health/live`);
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('continues the caller trace in its logs', async () => {
      const traceId = '4bf92f3577b34da6a3ce929d0e0e4736';
      await postGraphQL(url, 'mutation Failing { fail(with: UNEXPECTED) }', {}, {
        'x-request-id': 'trace-test-1',
        traceparent: `00-${traceId}-00f067aa0ba902b7-01`,
      });
      const line = lines.find((l) => l['requestId'] === 'trace-test-1');
      expect(line).toMatchObject({ traceId, level: 'error', operationName: 'Failing', msg: 'unexpected error in GraphQL operation' });
      expect(String((line?.['err'] as { stack?: string } | undefined)?.stack)).toContain('ECONNREFUSED');
    });
  });

  describe('errors', () => {
    it('answers an InputError with BAD_USER_INPUT, its field and issues', async () => {
      const result = await postGraphQL(url, 'mutation { fail(with: INPUT) }');
      expect(result.errors?.[0]).toMatchObject({
        message: 'products[2].name: must not be blank',
        path: ['fail'],
        extensions: { code: 'BAD_USER_INPUT', field: 'products[2].name', issues: [{ field: 'products[2].name', index: 2 }] },
      });
    });

    it('answers a NotFoundError with NOT_FOUND', async () => {
      const result = await postGraphQL(url, 'mutation { fail(with: NOT_FOUND) }');
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'NOT_FOUND', entity: 'Product', id: 'p404' });
    });

    it('masks an unexpected error: no message, no stack', async () => {
      const result = await postGraphQL(url, 'mutation { fail(with: UNEXPECTED) }');
      expect(result.errors).toEqual([{ message: 'Internal server error', path: ['fail'], locations: expect.any(Array), extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      expect(JSON.stringify(result)).not.toMatch(/hunter2|ECONNREFUSED|stack/);
    });

    it('answers an unknown input field with BAD_USER_INPUT naming the item and field', async () => {
      const result = await postGraphQL(url, 'mutation($input: AddProductsInput!) { addProducts(input: $input) { id } }', {
        input: { products: [{ name: 'a' }, { name: 'b', colour: 'red' }] },
      });
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'products[1].colour' });
    });

    it('answers a value of the wrong type with BAD_USER_INPUT naming the field', async () => {
      const result = await postGraphQL(url, 'mutation($input: AddProductsInput!) { addProducts(input: $input) { id } }', {
        input: { products: [{ name: 'a', price: 'cheap' }] },
      });
      expect(result.errors?.[0]?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'products[0].price' });
    });
  });

  describe('federation', () => {
    it('answers _service { sdl } with the entity and its key', async () => {
      const result = await postGraphQL<{ _service: { sdl: string } }>(url, '{ _service { sdl } }');
      expect(result.data?._service.sdl).toMatch(/type Product\s+@key\(fields: "id"\)/);
    });

    it('resolves _entities through __resolveReference, with the shared DateTime scalar', async () => {
      const result = await postGraphQL(url, 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name addedAt } } }', {
        r: [{ __typename: 'Product', id: 'p1' }],
      });
      expect(result).toEqual({ data: { _entities: [{ name: 'Quill', addedAt: '2011-12-09T12:50:00.000Z' }] } });
    });
  });

  describe('an operation seen before, run as compiled code (graphql-jit)', () => {
    const operations: [string, string, Record<string, unknown>][] = [
      ['a query', '{ product(id: "p1") { name addedAt } }', {}],
      ['an InputError', 'mutation { fail(with: INPUT) }', {}],
      ['a NotFoundError', 'mutation { fail(with: NOT_FOUND) }', {}],
      ['an unexpected error', 'mutation { fail(with: UNEXPECTED) }', {}],
      ['an unknown input field', 'mutation($input: AddProductsInput!) { addProducts(input: $input) { id } }', { input: { products: [{ name: 'b', colour: 'red' }] } }],
      ['a value of the wrong type', 'mutation($input: AddProductsInput!) { addProducts(input: $input) { id } }', { input: { products: [{ name: 'a', price: 'cheap' }] } }],
      ['_entities', 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Product { name addedAt } } }', { r: [{ __typename: 'Product', id: 'p1' }] }],
    ];

    it.each(operations)('answers %s the third time exactly as the first', async (_, query, variables) => {
      const answers = [];
      for (let n = 0; n < 3; n += 1) answers.push(await postGraphQL(url, `# seen-before test\n${query}`, variables));
      expect(answers[1]).toEqual(answers[0]);
      expect(answers[2]).toEqual(answers[0]);
    });
  });

  it('exposes the request histogram and the operation counter on /metrics', async () => {
    await postGraphQL(url, 'query ProductName { product(id: "p1") { name } }');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metricValue(metrics, 'http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThan(0);
    const operation = { service: 'catalog', operation_name: 'ProductName', outcome: 'success' };
    expect(metricValue(metrics, 'graphql_operations_total', operation)).toBe(1);
    expect(metricValue(metrics, 'graphql_operation_duration_seconds_count', operation)).toBe(1);
    expect(metricValue(metrics, 'graphql_operations_total', { operation_name: 'Failing', outcome: 'server_error' })).toBe(1);
    expect(metrics).toMatch(/^process_cpu_user_seconds_total/m);
  });
});

describe('createSubgraphServer stop()', () => {
  it('drains an in-flight request, refuses new ones, then runs the hooks in order', async () => {
    const events: string[] = [];
    const server = createCatalogSubgraph({
      logger: createLogger({ service: 'catalog', level: 'silent' }),
      onShutdown: [async () => void events.push('stop consumers'), async () => void events.push('close database')],
      shutdownTimeoutMs: 5_000,
    });
    const { url } = await server.start();
    const inFlight = postGraphQL<{ slow: string }>(url, '{ slow(ms: 400) }').then((result) => {
      events.push('slow request answered');
      return result;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));

    const stopped = server.stop();
    expect(server.stop()).toBe(stopped);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(url.replace(/\/graphql$/, '/health/live'))).rejects.toThrow();

    await stopped;
    expect(await inFlight).toEqual({ data: { slow: 'slept 400' } });
    expect(events).toEqual(['slow request answered', 'stop consumers', 'close database']);
  });

  it('still runs the later hooks when one fails, and then rejects', async () => {
    const events: string[] = [];
    const server = createCatalogSubgraph({
      logger: createLogger({ service: 'catalog', level: 'silent' }),
      onShutdown: [
        () => Promise.reject(new Error('relay flush failed')),
        async () => void events.push('close database'),
      ],
    });
    await server.start();
    await expect(server.stop()).rejects.toThrow('1 shutdown step(s) of catalog failed');
    expect(events).toEqual(['close database']);
  });
});
