import { readFileSync } from 'node:fs';
import { waitFor } from '@rekindle/platform-testing';
import { startManagedProcess } from './managed-process';
import { startServer } from './start-server';

const node = (script: string) => ({ command: process.execPath, args: ['-e', script] });

/** Running, and not merely a zombie waiting for an init that may be slow to reap it. */
const isAlive = (pid: number) => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
};

describe('managed processes', () => {
  it('hands each output line over and reports how the process ended', async () => {
    const lines: string[] = [];
    const child = startManagedProcess({ name: 'echo', ...node('console.log("one\\ntwo"); console.error("three"); process.exit(3)'), output: (l) => lines.push(l) });
    expect(await child.exited).toEqual({ code: 3, signal: null });
    expect(lines.sort()).toEqual(['one', 'three', 'two']);
    expect(child.recentOutput()).toHaveLength(3);
  });

  it('stops a process with SIGTERM', async () => {
    const child = startManagedProcess({ name: 'idle', ...node('console.log("up"); setInterval(() => {}, 1000)'), output: () => undefined });
    await startedPrinting(child);
    expect(await child.stop(5000)).toEqual({ code: null, signal: 'SIGTERM' });
  });

  it('kills a process that ignores SIGTERM after the grace period, with what it started', async () => {
    const script = `
      const { spawn } = require('node:child_process');
      const grandchild = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      process.on('SIGTERM', () => {});
      console.log(grandchild.pid);
      setInterval(() => {}, 1000);`;
    const child = startManagedProcess({ name: 'stubborn', ...node(script) });
    const grandchildPid = Number(await startedPrinting(child));
    const began = Date.now();
    expect(await child.stop(300)).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - began).toBeGreaterThanOrEqual(300);
    await waitFor(() => !isAlive(grandchildPid), { timeoutMs: 5_000 });
  });

  it('reports a command that does not exist', async () => {
    const child = startManagedProcess({ name: 'missing', command: '/nonexistent/server', args: [] });
    expect((await child.exited).error).toMatch(/ENOENT/);
  });

  it('fails a server that exits before it is ready, quoting its last output', async () => {
    const attempt = startServer({
      name: 'doomed',
      ...node('console.error("port already in use"); process.exit(1)'),
      isReady: async () => false,
      timeoutMs: 10_000,
    });
    await expect(attempt).rejects.toThrow(/doomed exited with code 1 before it was ready\. Its last output:\n {2}port already in use/);
  });

  it('fails and stops a server that is not ready in time', async () => {
    const attempt = startServer({ name: 'slow', ...node('setInterval(() => {}, 1000)'), isReady: async () => false, timeoutMs: 300 });
    await expect(attempt).rejects.toThrow('slow was not ready within 0.3 s');
  });
});

async function startedPrinting(child: ReturnType<typeof startManagedProcess>): Promise<string> {
  await waitFor(() => child.recentOutput().length > 0, { timeoutMs: 5_000 });
  return child.recentOutput()[0] ?? '';
}
