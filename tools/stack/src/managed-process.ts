import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface ProcessExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the process could not be started at all (for example ENOENT). */
  error?: string;
}

export interface ManagedProcessOptions {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /**
   * Where its output goes: a function gets each line of stdout and stderr; 'inherit' hands it the
   * runner's own stdout and stderr; omitted, lines are only kept for error messages.
   */
  output?: ((line: string) => void) | 'inherit';
}

export interface ManagedProcess {
  readonly name: string;
  readonly pid: number | undefined;
  readonly exited: Promise<ProcessExit>;
  /** The last lines it printed (not kept with output 'inherit'). */
  recentOutput(): string[];
  /** SIGTERM; SIGKILL to its whole process group if it has not exited after graceMs. */
  stop(graceMs: number): Promise<ProcessExit>;
}

const RECENT_LINES = 30;

/** Process groups of everything started and not yet exited, killed if the runner exits first. */
const liveGroups = new Set<number>();
let exitGuardInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

function installExitGuard() {
  if (exitGuardInstalled) return;
  exitGuardInstalled = true;
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}

export function describeExit(exit: ProcessExit): string {
  if (exit.error) return `could not be started (${exit.error})`;
  if (exit.signal) return `was stopped by ${exit.signal}`;
  return `exited with code ${exit.code}`;
}

/**
 * Starts a process in a process group of its own, so a Ctrl-C in the terminal reaches only the
 * runner, which then stops what it started in order (services before the servers they use). Its
 * stdin is a pipe the runner never writes to: a process can watch it to learn that the runner died.
 */
export function startManagedProcess(options: ManagedProcessOptions): ManagedProcess {
  installExitGuard();
  const inherit = options.output === 'inherit';
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio: ['pipe', inherit ? 'inherit' : 'pipe', inherit ? 'inherit' : 'pipe'],
  });
  const pid = child.pid;
  if (pid !== undefined) liveGroups.add(pid);

  const recent: string[] = [];
  const onLine = typeof options.output === 'function' ? options.output : undefined;
  for (const stream of [child.stdout, child.stderr]) {
    if (!stream) continue;
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
      recent.push(line);
      if (recent.length > RECENT_LINES) recent.shift();
      onLine?.(line);
    });
  }

  const exited = new Promise<ProcessExit>((resolve) => {
    child.once('error', (error) => resolve({ code: null, signal: null, error: error.message }));
    // 'close' rather than 'exit': only then has everything it printed been read.
    child.once('close', (code, signal) => resolve({ code, signal }));
  }).then((exit) => {
    if (pid !== undefined) liveGroups.delete(pid);
    return exit;
  });

  let stopping: Promise<ProcessExit> | undefined;
  const stop = (graceMs: number) => {
    stopping ??= (async () => {
      if (pid === undefined || child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const escalation = setTimeout(() => killGroup(pid, 'SIGKILL'), graceMs);
      const exit = await exited;
      clearTimeout(escalation);
      // The leader is gone; anything it left behind in its group goes with it.
      killGroup(pid, 'SIGKILL');
      return exit;
    })();
    return stopping;
  };

  return { name: options.name, pid, exited, recentOutput: () => [...recent], stop };
}
