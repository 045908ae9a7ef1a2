import { setTimeout as sleep } from 'node:timers/promises';

const BACKLOG = /^rekindle_profile_event_backlog\{[^}]*reader="(\w+)"[^}]*\} (\d+)$/gm;

/** The profile's event backlog per reader (fold, publish) as its /metrics text shows it. */
export function parseEventBacklog(metrics: string): Map<string, number> {
  const backlog = new Map([...metrics.matchAll(BACKLOG)].map((m) => [m[1] as string, Number(m[2])]));
  if (backlog.size === 0) throw new Error('the profile /metrics shows no rekindle_profile_event_backlog');
  return backlog;
}

/**
 * Waits until the profile has folded and published every recorded event, as its /metrics says
 * (`rekindle_profile_event_backlog`): the other services can only read what has been published.
 */
export async function waitForProfileEvents(
  metricsUrl: string,
  print: (line: string) => void,
  { timeoutMs = 15 * 60_000, pollMs = 500 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const backlog = parseEventBacklog(await (await fetch(metricsUrl)).text());
    const behind = [...backlog].filter(([, pending]) => pending > 0).map(([reader, pending]) => `${reader} ${pending.toLocaleString('en')}`);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`profile still has recorded events to handle after ${timeoutMs / 1000} s: ${behind.join(', ')}`);
    if (Date.now() - lastReport > 5000) {
      print(`waiting for the profile's event worker (events to ${behind.join(', to ')})`);
      lastReport = Date.now();
    }
    await sleep(pollMs);
  }
}
