import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseEventBacklog, waitForProfileEvents } from './wait-for-profile-events';

const metrics = (fold: number, publish: number) => `# HELP rekindle_profile_event_backlog Recorded customer events not yet folded
# TYPE rekindle_profile_event_backlog gauge
rekindle_profile_event_backlog{reader="fold",service="profile"} ${fold}
rekindle_profile_event_backlog{reader="publish",service="profile"} ${publish}
rekindle_outbox_pending{schema="profile",service="profile"} 7
`;

describe('parseEventBacklog', () => {
  it('reads the backlog of each reader, whatever other labels the gauge carries', () => {
    expect(parseEventBacklog(metrics(12, 0))).toEqual(new Map([['fold', 12], ['publish', 0]]));
  });

  it('fails when the gauge is missing rather than reporting nothing to wait for', () => {
    expect(() => parseEventBacklog('rekindle_outbox_pending 0\n')).toThrow('no rekindle_profile_event_backlog');
  });
});

describe('waitForProfileEvents', () => {
  let server: Server;
  let served: string[];
  let url: string;
  beforeEach(async () => {
    served = [];
    server = createServer((_req, res) => res.end(served.length > 1 ? served.shift() : served[0]));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/metrics`;
  });
  afterEach(() => new Promise((resolve) => server.close(resolve)));

  it('returns once both readers are at 0, reporting what it waits for', async () => {
    served = [metrics(5, 3), metrics(0, 2), metrics(0, 0)];
    const lines: string[] = [];
    await waitForProfileEvents(url, (line) => lines.push(line), { pollMs: 1 });
    expect(served).toEqual([metrics(0, 0)]);
    expect(lines).toEqual(['waiting for the profile\'s event worker (events to fold 5, to publish 3)']);
  });

  it('gives up after the timeout, naming what is left', async () => {
    served = [metrics(0, 9)];
    await expect(waitForProfileEvents(url, () => undefined, { timeoutMs: 20, pollMs: 5 })).rejects.toThrow('publish 9');
  });
});
