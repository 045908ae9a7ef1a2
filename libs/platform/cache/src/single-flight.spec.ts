import { SingleFlight } from './single-flight';

describe('SingleFlight', () => {
  it('shares one run between concurrent callers of a key, and runs again once it has settled', async () => {
    const flights = new SingleFlight();
    let runs = 0;
    const work = async () => {
      const run = ++runs;
      await new Promise((resolve) => setTimeout(resolve, 10));
      return run;
    };
    expect(await Promise.all([flights.run('a', work), flights.run('a', work), flights.run('b', work)])).toEqual([1, 1, 2]);
    expect(await flights.run('a', work)).toBe(3);
  });

  it('shares a failure too, and forgets it', async () => {
    const flights = new SingleFlight();
    const failing = () => Promise.reject(new Error('db down'));
    await expect(Promise.all([flights.run('a', failing), flights.run('a', failing)])).rejects.toThrow('db down');
    expect(await flights.run('a', async () => 'ok')).toBe('ok');
  });
});
