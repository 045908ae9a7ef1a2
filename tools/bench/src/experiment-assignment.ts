/**
 * Assignments per second of experiment-core's assigner in one process (issue 5: at least 2,000,000/s).
 *   npx tsx tools/bench/src/experiment-assignment.ts
 *   ASSIGN_IDS=1000000 ASSIGN_ROUNDS=7 npx tsx tools/bench/src/experiment-assignment.ts
 *
 * Builds ASSIGN_IDS customer ids up front (random UUIDs, as profile hands out), compiles one
 * GrowthBook-style experiment with createAssigner (hash v2, three variants, 90 % coverage), warms
 * it up on every id (so V8 has optimised the hot path), then times ASSIGN_ROUNDS passes over all
 * ids and prints each pass's rate, the median and the best, with the load average. The same passes
 * through `assignVariant` (the cached one-call form) follow for comparison. A checksum of the
 * variants keeps the work from being optimised away and shows the split.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { assignVariant, createAssigner, type AssignmentConfig } from '@rekindle/experiment-core';

const positive = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
};
const IDS = positive('ASSIGN_IDS', 1_000_000);
const ROUNDS = positive('ASSIGN_ROUNDS', 7);
const TARGET = 2_000_000;

const load = () => `load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
const fmt = (n: number) => Math.round(n).toLocaleString('en-GB');

const experiment: AssignmentConfig = {
  key: 'dormant-6m-channel',
  seed: 'dormant-6m-channel',
  variants: [
    { key: 'email', weight: 0.34 },
    { key: 'sms', weight: 0.33 },
    { key: 'push', weight: 0.33 },
  ],
  coverage: 0.9,
  hashVersion: 2,
};

/** One pass over every id; returns assignments/s and a per-variant count (the checksum). */
function pass(assign: (id: string) => string | null, ids: readonly string[]): { rate: number; counts: Map<string | null, number> } {
  const counts = new Map<string | null, number>();
  let email = 0;
  let sms = 0;
  let push = 0;
  let outside = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < ids.length; i++) {
    const v = assign(ids[i] as string);
    if (v === 'email') email++;
    else if (v === 'sms') sms++;
    else if (v === 'push') push++;
    else outside++;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  counts.set('email', email).set('sms', sms).set('push', push).set(null, outside);
  return { rate: ids.length / seconds, counts };
}

function run(label: string, assign: (id: string) => string | null, ids: readonly string[]): number {
  pass(assign, ids);
  pass(assign, ids); // warm-up: two full passes before timing
  const rates: number[] = [];
  let counts = new Map<string | null, number>();
  for (let r = 0; r < ROUNDS; r++) {
    const result = pass(assign, ids);
    rates.push(result.rate);
    counts = result.counts;
  }
  const sorted = [...rates].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)] as number;
  const best = sorted.at(-1) as number;
  console.log(`\n${label}`);
  console.log(`  passes (assignments/s): ${rates.map(fmt).join(', ')}`);
  console.log(`  median ${fmt(median)}/s, best ${fmt(best)}/s, ${(1e9 / median).toFixed(0)} ns per assignment  (${load()})`);
  const split = [...counts].map(([k, n]) => `${k ?? 'outside'} ${((100 * n) / ids.length).toFixed(2)} %`).join(', ');
  console.log(`  split: ${split}`);
  return median;
}

function main(): void {
  console.log(`experiment assignment: ${fmt(IDS)} customer ids, ${ROUNDS} timed passes after 2 warm-up passes, node ${process.version}  (${load()})`);
  const ids = Array.from({ length: IDS }, () => randomUUID());
  const assigner = createAssigner(experiment);
  const median = run('createAssigner (compiled once, the hot path of assign / assignMany)', assigner, ids);
  run('assignVariant (one call per customer, compiled ranges cached)', (customerId) => assignVariant({ ...experiment, customerId }), ids);
  console.log(`\ntarget >= ${fmt(TARGET)} assignments/s: ${median >= TARGET ? 'met' : 'NOT met'} (median of createAssigner)`);
}

main();
