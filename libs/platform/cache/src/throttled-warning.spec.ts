import { Writable } from 'node:stream';
import { createLogger } from '@rekindle/platform-logger';
import { throttledWarning } from './throttled-warning';

describe('throttledWarning', () => {
  it('logs at most once per interval and counts what it swallowed', () => {
    const lines: Record<string, unknown>[] = [];
    const destination = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)) as Record<string, unknown>);
        done();
      },
    });
    let now = 0;
    const warning = throttledWarning(createLogger({ service: 'test', destination }), 'Redis unavailable', 30_000, () => now);
    for (let i = 0; i < 100; i++) warning.warn(new Error('ECONNREFUSED'));
    now = 30_000;
    warning.warn(new Error('ECONNREFUSED'));
    warning.reset();
    warning.warn(new Error('ECONNRESET'));
    expect(lines.map((line) => line['suppressed'])).toEqual([0, 99, 0]);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: 'Redis unavailable', err: { message: 'ECONNREFUSED' } });
  });
});
