import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createLogger } from '@rekindle/platform-logger';
import { createHttpApp, type HttpApp } from './index';
import { metricValue } from './testing/metric-value';

describe('createHttpApp', () => {
  let http: HttpApp;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    http = createHttpApp({
      name: 'plain',
      logger: createLogger({ service: 'plain', level: 'silent' }),
      jsonBodyLimit: '1kb',
      readinessChecks: { database: { run: () => Promise.resolve(), critical: true } },
      routes: (app) => app.post('/echo', (req, res) => res.json(req.body)),
    });
    server = createServer(http.app).listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const post = (body: string) => fetch(`${base}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('answers a malformed or oversized JSON body with a 4xx in the GraphQL error shape, no stack', async () => {
    const malformed = await post('{"query": ');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toEqual({ errors: [{ message: expect.any(String), extensions: { code: 'BAD_REQUEST' } }] });
    const oversized = await post(JSON.stringify({ query: 'x'.repeat(2_000) }));
    expect(oversized.status).toBe(413);
    expect(await oversized.text()).not.toContain(' at ');
  });

  it('labels requests by matched route, and unknown paths as unmatched', async () => {
    await fetch(`${base}/wp-admin/${Math.random()}`);
    await post('{"hello": "world"}');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metricValue(metrics, 'http_request_duration_seconds_count', { route: 'unmatched', method: 'GET', status: '404' })).toBe(1);
    expect(metricValue(metrics, 'http_request_duration_seconds_count', { route: '/echo', method: 'POST', status: '200' })).toBe(1);
  });

  it('turns readiness to 503 once shutdown begins, while staying live', async () => {
    expect((await fetch(`${base}/health/ready`)).status).toBe(200);
    http.beginShutdown();
    const ready = await fetch(`${base}/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'shutting_down' });
    expect((await fetch(`${base}/health/live`)).status).toBe(200);
  });
});
