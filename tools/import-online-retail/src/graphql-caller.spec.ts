import { createGraphQLCaller, GraphQLCallError } from './graphql-caller';

type Reply = { status: number; body: unknown } | Error;

function fakeFetch(replies: Reply[]) {
  const calls: unknown[] = [];
  const impl = (async (_url: string, init: RequestInit) => {
    calls.push(JSON.parse(init.body as string));
    const reply = replies.shift();
    if (!reply) throw new Error('no more replies');
    if (reply instanceof Error) throw reply;
    return new Response(typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body), { status: reply.status });
  }) as unknown as typeof fetch;
  return { impl, calls };
}

const caller = (replies: Reply[], retries = 3) => {
  const fetch = fakeFetch(replies);
  const sleeps: number[] = [];
  const call = createGraphQLCaller({
    url: 'http://profile.test/graphql',
    retries,
    retryDelayMs: 100,
    timeoutMs: 5_000,
    fetch: fetch.impl,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return { call, calls: fetch.calls, sleeps };
};

describe('createGraphQLCaller', () => {
  it('posts the query and variables and returns data', async () => {
    const { call, calls } = caller([{ status: 200, body: { data: { ok: 1 } } }]);
    await expect(call('op', 'query { ok }', { a: 1 })).resolves.toEqual({ ok: 1 });
    expect(calls).toEqual([{ query: 'query { ok }', variables: { a: 1 } }]);
  });

  it('retries network errors, 5xx and transient GraphQL errors with doubling backoff', async () => {
    const { call, calls, sleeps } = caller([
      new TypeError('fetch failed'),
      { status: 503, body: 'busy' },
      { status: 200, body: { errors: [{ message: 'deadlock detected', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] } },
      { status: 200, body: { data: { ok: 2 } } },
    ]);
    await expect(call('op', 'query { ok }')).resolves.toEqual({ ok: 2 });
    expect(calls).toHaveLength(4);
    expect(sleeps).toEqual([100, 200, 400]);
  });

  it('does not retry the request’s own fault', async () => {
    const { call, calls } = caller([
      { status: 400, body: { errors: [{ message: 'must hold at most 5000 events', extensions: { code: 'BAD_USER_INPUT', field: 'events' } }] } },
    ]);
    await expect(call('recordEvents', 'mutation { x }')).rejects.toThrow('recordEvents failed after 1 attempt(s): HTTP 400: BAD_USER_INPUT events: must hold at most 5000 events');
    expect(calls).toHaveLength(1);
  });

  it('does not retry a 413 (body too large)', async () => {
    const { call, calls } = caller([{ status: 413, body: 'request entity too large' }]);
    await expect(call('recordEvents', 'mutation { x }')).rejects.toThrow(/HTTP 413/);
    expect(calls).toHaveLength(1);
  });

  it('gives up after the retries', async () => {
    const { call, calls } = caller([{ status: 502, body: '' }, { status: 502, body: '' }, { status: 502, body: '' }], 2);
    const failure = call('op', 'query { ok }');
    await expect(failure).rejects.toBeInstanceOf(GraphQLCallError);
    await expect(failure).rejects.toThrow('op failed after 3 attempt(s): HTTP 502: (empty body)');
    expect(calls).toHaveLength(3);
  });
});
