import { Teardown } from './teardown';

describe('Teardown', () => {
  it('stops the last added first, goes on past a failure, and runs once', async () => {
    const report: string[] = [];
    const stopped: string[] = [];
    const teardown = new Teardown((line) => report.push(line));
    teardown.add('postgres', async () => stopped.push('postgres'));
    teardown.add('nats', async () => {
      throw new Error('already gone');
    });
    teardown.add('services', async () => stopped.push('services'));

    await Promise.all([teardown.run(), teardown.run()]);
    await teardown.run();

    expect(stopped).toEqual(['services', 'postgres']);
    expect(report).toEqual(['Could not stop nats: already gone']);
  });
});
