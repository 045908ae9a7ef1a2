import { setTimeout as delay } from 'node:timers/promises';
import { describeExit, type ManagedProcess, type ProcessExit } from './managed-process';

export interface ReadinessOptions {
  isReady: () => Promise<boolean>;
  timeoutMs: number;
  intervalMs?: number;
}

const withRecentOutput = (process: ManagedProcess, message: string) => {
  const lines = process.recentOutput();
  return lines.length === 0 ? message : `${message}. Its last output:\n  ${lines.join('\n  ')}`;
};

/** Polls until the process is ready; fails at once, with its last output, if it exits first. */
export async function waitUntilReady(process: ManagedProcess, options: ReadinessOptions): Promise<void> {
  let exit: ProcessExit | undefined;
  void process.exited.then((e) => (exit = e));
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    if (exit) throw new Error(withRecentOutput(process, `${process.name} ${describeExit(exit)} before it was ready`));
    if (await options.isReady()) return;
    if (Date.now() > deadline) {
      throw new Error(withRecentOutput(process, `${process.name} was not ready within ${options.timeoutMs / 1000} s`));
    }
    await Promise.race([delay(options.intervalMs ?? 200), process.exited]);
  }
}
