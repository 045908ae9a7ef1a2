export interface ProgressOptions {
  /** Where lines go (the CLI: stderr). */
  write: (line: string) => void;
  /** At most one line per this many ms (the final line always). */
  intervalMs?: number;
  now?: () => number;
}

export const formatCount = (n: number) => Math.round(n).toLocaleString('en-GB');

/** Throttled progress lines: `tick` writes at most once per interval, `done` always writes. */
export class Progress {
  private readonly intervalMs: number;
  private readonly now: () => number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(private readonly options: ProgressOptions) {
    this.intervalMs = options.intervalMs ?? 1_000;
    this.now = options.now ?? Date.now;
  }

  /** `line` is only built when it will be written. */
  tick(line: () => string): void {
    const now = this.now();
    if (now - this.last < this.intervalMs) return;
    this.last = now;
    this.options.write(line());
  }

  done(line: string): void {
    this.last = this.now();
    this.options.write(line);
  }
}

/** Events per second, 0 before any time has passed. */
export const ratePerSecond = (count: number, elapsedMs: number) => (elapsedMs > 0 ? (count * 1000) / elapsedMs : 0);
