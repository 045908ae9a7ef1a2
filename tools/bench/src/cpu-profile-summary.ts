/**
 * Where a process's CPU went, from a V8 `.cpuprofile` (node --cpu-prof; CPU_PROF=1 of the
 * ingestion benchmark writes them to tools/bench/out/):
 *   npx tsx tools/bench/src/cpu-profile-summary.ts tools/bench/out/cpu-<id>/profile.cpuprofile [top]
 * Prints self time by package or source file (bundled frames mapped back to their source through
 * the bundle's .map), the functions with the most self time, and the most inclusive time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const maps = new Map<string, TraceMap | null>();
function traceMap(url: string): TraceMap | null {
  if (!maps.has(url)) {
    let map: TraceMap | null = null;
    try {
      const file = url.startsWith('file://') ? fileURLToPath(url) : url;
      if (existsSync(`${file}.map`)) map = new TraceMap(readFileSync(`${file}.map`, 'utf8'));
    } catch {
      map = null;
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** `name (source:line)` and the group it counts in: a package, a workspace file, node, or V8. */
function describe(frame: CallFrame): { name: string; group: string } {
  const fn = frame.functionName || '(anonymous)';
  if (!frame.url) return { name: fn, group: fn.startsWith('(') ? fn : '(native / V8)' };
  if (frame.url.startsWith('node:')) return { name: `${fn} ${frame.url}`, group: 'node internals' };
  let source = frame.url.replace(/^file:\/\//, '');
  let line = frame.lineNumber + 1;
  const map = traceMap(frame.url);
  if (map) {
    const original = originalPositionFor(map, { line: frame.lineNumber + 1, column: frame.columnNumber });
    if (original.source) {
      source = original.source;
      line = original.line ?? line;
    }
  }
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  const workspace = /((?:apps|libs|tools)\/.*)$/.exec(source);
  const group = pkg ? (pkg[1] as string) : workspace ? (workspace[1] as string) : source;
  const where = pkg ? `${pkg[1]}/${source.split(`${pkg[1]}/`).pop()}` : workspace ? workspace[1] : source;
  return { name: `${fn} (${where}:${line})`, group };
}

function main() {
  const [file, topArg] = process.argv.slice(2);
  if (!file) {
    console.error('usage: npx tsx tools/bench/src/cpu-profile-summary.ts <file.cpuprofile> [top]');
    process.exit(2);
  }
  const top = Number(topArg ?? 30);
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const described = new Map(profile.nodes.map((n) => [n.id, describe(n.callFrame)]));

  const self = new Map<string, number>();
  const groups = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let total = 0;
  let idle = 0;
  profile.samples.forEach((nodeId, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    const d = described.get(nodeId) as { name: string; group: string };
    if (d.name === '(idle)') {
      idle += dt;
      return;
    }
    total += dt;
    self.set(d.name, (self.get(d.name) ?? 0) + dt);
    groups.set(d.group, (groups.get(d.group) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = nodeId; id !== undefined; id = parent.get(id)) {
      const name = (described.get(id) as { name: string }).name;
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
    void byId;
  });
  const wall = (profile.endTime - profile.startTime) / 1000;
  const print = (title: string, entries: Map<string, number>, n: number) => {
    console.log(`\n${title}`);
    for (const [name, ms] of [...entries.entries()].sort((a, b) => b[1] - a[1]).slice(0, n)) {
      console.log(`  ${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${name}`);
    }
  };
  console.log(`${file}: ${(wall / 1000).toFixed(1)} s profiled, ${(total / 1000).toFixed(1)} s on CPU (${(idle / 1000).toFixed(1)} s idle)`);
  print('self time by package / source file', groups, top);
  print('self time by function', self, top);
  inclusive.delete('(root)');
  print('inclusive time by function', inclusive, top);
}

main();
