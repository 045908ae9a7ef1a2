import { waitFor } from './wait-for';

describe('waitFor', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('resolves as soon as the condition holds, looking every intervalMs', async () => {
    let looks = 0;
    const waiting = waitFor(() => ++looks === 3, { intervalMs: 100 });
    await jest.advanceTimersByTimeAsync(200);
    await expect(waiting).resolves.toBeUndefined();
    expect(looks).toBe(3);
  });

  it('fails after timeoutMs, saying what was not reached', async () => {
    const waiting = waitFor(async () => false, { timeoutMs: 1_000, describe: async () => '3 messages pending' });
    const failed = expect(waiting).rejects.toThrow('3 messages pending not reached within 1000 ms');
    await jest.advanceTimersByTimeAsync(1_100);
    await failed;
  });
});
