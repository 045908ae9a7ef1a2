export interface WaitForOptions {
  /** Fails after this long; default 10 s. */
  timeoutMs?: number;
  /** How long to wait between two looks; default 25 ms. */
  intervalMs?: number;
  /** What the failure says was not reached (it may describe the state last seen). */
  describe?: () => string | Promise<string>;
}

/**
 * Bounded polling for what no event announces (rows committed on another connection, a consumer's
 * position, a process gone): resolves as soon as `condition` holds, fails after `timeoutMs`.
 * A test waits for what it expects to happen, never for time to pass.
 */
export async function waitFor(condition: () => boolean | Promise<boolean>, options: WaitForOptions = {}): Promise<void> {
  const { timeoutMs = 10_000, intervalMs = 25, describe } = options;
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) {
      throw new Error(`${describe ? await describe() : 'condition'} not reached within ${timeoutMs} ms`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
