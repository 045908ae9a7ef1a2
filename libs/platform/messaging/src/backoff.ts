/** The delay before retry number `attempt` (1-based): the list's entry, or its last one once past the end. */
export function backoffFor(attempt: number, backoffMs: readonly number[]): number {
  if (backoffMs.length === 0) return 0;
  return backoffMs[Math.min(Math.max(attempt, 1), backoffMs.length) - 1] as number;
}

/** Exponential back-off after `failures` consecutive failures: base, 2×base, 4×base, … capped at `maxMs`. */
export function retryDelay(failures: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
