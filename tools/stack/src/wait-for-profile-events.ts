import { setTimeout as sleep } from 'node:timers/promises';

const BACKLOG = /^rekindle_profile_event_backlog\{[^}]*reader="(\w+)"[^}]*\} (\d+)$/gm;

/**
 * Waits until the profile has folded and published every recorded event, as its /metrics says
 * (`rekindle_profile_event_backlog`): the other services can only read what has been published.
 */
export async function waitForProfileEvents(metricsUrl: string, print: (line: string) => void, timeoutMs = 15 * 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastReport = 0;
  for (;;) {
    const text = await (await fetch(metricsUrl)).text();
    const behind = [...text.matchAll(BACKLOG)].filter((m) => Number(m[2]) > 0).map((m) => `${m[1]} ${Number(m[2]).toLocaleString('en')}`);
    if (behind.length === 0) return;
    if (Date.now() > deadline) throw new Error(`profile still has recorded events to handle after ${timeoutMs / 1000} s: ${behind.join(', ')}`);
    if (Date.now() - lastReport > 5000) {
      print(`waiting for the profile's event worker (events to ${behind.join(', to ')})`);
      lastReport = Date.now();
    }
    await sleep(500);
  }
}
