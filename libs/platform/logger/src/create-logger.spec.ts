import { Writable } from 'node:stream';
import { createLogger, requestContextFrom, runWithRequestContext, traceIdOf } from './index';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  });
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes JSON lines with service, level and time', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'profile', destination }).info({ count: 3 }, 'imported');
    expect(lines[0]).toMatchObject({ service: 'profile', level: 'info', count: 3, msg: 'imported' });
    expect(lines[0]?.['requestId']).toBeUndefined();
  });

  it('adds requestId and traceId inside a request context', async () => {
    const { lines, destination } = capture();
    const logger = createLogger({ service: 'gateway', destination });
    const parent = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
    const context = requestContextFrom({ requestId: 'req-1', traceparent: parent });
    await runWithRequestContext(context, async () => {
      await Promise.resolve();
      logger.warn('inside');
    });
    expect(lines[0]).toMatchObject({ requestId: 'req-1', traceId: '4bf92f3577b34da6a3ce929d0e0e4736' });
    expect(context.traceparent).not.toBe(parent);
  });

  it("logs a failed query's statement and code but not its parameters", () => {
    const { lines, destination } = capture();
    const failed = Object.assign(new Error('out of shared memory'), {
      query: 'INSERT INTO customer ...',
      parameters: ['{"email":"ann@example.com"}'],
      code: '53200',
      driverError: Object.assign(new Error('out of shared memory'), { parameters: ['{"email":"ann@example.com"}'] }),
    });
    createLogger({ service: 'profile', destination }).error({ err: failed }, 'failed');
    expect(lines[0]?.['err']).toMatchObject({ message: 'out of shared memory', query: 'INSERT INTO customer ...', code: '53200' });
    expect(JSON.stringify(lines[0])).not.toContain('ann@example.com');
  });

  it('logs an err that is not an error as it is', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'profile', destination }).warn({ err: 'connection reset' }, 'odd');
    expect(lines[0]?.['err']).toBe('connection reset');
  });

  it('does not log below its level', () => {
    const { lines, destination } = capture();
    createLogger({ service: 'x', level: 'warn', destination }).info('hidden');
    expect(lines).toHaveLength(0);
  });
});

describe('requestContextFrom', () => {
  it('generates ids when headers are missing or malformed', () => {
    const context = requestContextFrom({ requestId: 'bad id with spaces', traceparent: 'garbage' });
    expect(context.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(traceIdOf(context.traceparent)).toMatch(/^[0-9a-f]{32}$/);
  });
});
