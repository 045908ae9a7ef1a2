import { validateEventBatch } from '@rekindle/profile-core';
import { eventMix } from './event-mix';
const events: unknown[] = [];
for (const e of eventMix({ seed: 1, events: 1000, customers: 100, now: new Date('2025-06-01T00:00:00Z'), spanDays: 180 })) events.push(e.input);
const now = new Date('2025-06-01T00:00:00Z');
for (let round = 0; round < 4; round++) {
  const t = performance.now(); const c0 = process.cpuUsage();
  for (let i = 0; i < 200; i++) { const v = JSON.parse(JSON.stringify(events)); const r = validateEventBatch(v, now); if (!r.ok || r.rejected.length) throw new Error(JSON.stringify(r).slice(0, 500)); }
  const c = process.cpuUsage(c0);
  console.log(`validate: ${((performance.now() - t) * 1000 / 200000).toFixed(2)} µs/event wall, ${((c.user + c.system) / 200000).toFixed(2)} cpu`);
}
