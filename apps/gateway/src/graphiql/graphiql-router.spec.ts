import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { graphiqlRouter } from './graphiql-router';

describe('graphiqlRouter', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    app.use(graphiqlRouter());
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const getPage = () => fetch(`${base}/graphql`, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
  const referencedUrls = (html: string) => [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

  it('answers a browser with the GraphiQL page under a strict CSP', async () => {
    const response = await getPage();
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('React.createElement(GraphiQL');
    expect(html).toContain('fetch("/graphql"');

    const csp = response.headers.get('content-security-policy') ?? '';
    const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeDefined();
    expect(html).toContain(`<script nonce="${nonce}">`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('uses a fresh nonce for every page', async () => {
    const [first, second] = await Promise.all([getPage(), getPage()]);
    expect(first.headers.get('content-security-policy')).not.toBe(second.headers.get('content-security-policy'));
  });

  it('references no external URL', async () => {
    const html = await (await getPage()).text();
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/(?:src|href)="\/\//);
  });

  it('serves every asset the page references, with a JS or CSS content type and long caching', async () => {
    const urls = referencedUrls(await (await getPage()).text());
    expect(urls).toHaveLength(4);
    for (const url of urls) {
      expect(url).toMatch(/^\/graphiql\/assets\//);
      const response = await fetch(`${base}${url}`);
      expect({ url, status: response.status }).toEqual({ url, status: 200 });
      const expectedType = url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/;
      expect(response.headers.get('content-type')).toMatch(expectedType);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    }
  });

  it('lets a JSON GET fall through to the GraphQL handler', async () => {
    const response = await fetch(`${base}/graphql?query=%7B__typename%7D`, { headers: { accept: 'application/json' } });
    expect(response.status).toBe(404);
  });

  it('serves nothing else under the assets path', async () => {
    const [script] = referencedUrls(await (await getPage()).text()).filter((url) => url.endsWith('.js'));
    expect((await fetch(`${base}${script}.map`)).status).toBe(404);
  });
});
