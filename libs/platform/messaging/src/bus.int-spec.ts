import { nanos, StorageType } from 'nats';
import { createTestBus, startPrivateNatsServer, uniqueTestId, waitFor, type TestBus } from '@rekindle/platform-testing';
import { connectBus } from './bus';
import { silentLogger } from './test-fixtures';

describe('connectBus', () => {
  let bus: TestBus;
  beforeAll(async () => {
    bus = await createTestBus('bus');
  });
  afterAll(() => bus.cleanup());

  it('names subjects and streams under its prefix', () => {
    expect(bus.subjectFor('profile.customer.registered.v1')).toBe(`${bus.prefix}.profile.customer.registered.v1`);
    expect(bus.streamName('profile')).toBe(`${bus.prefix.toUpperCase()}_PROFILE`);
  });

  it('creates the producer stream once and puts back a drifted configuration', async () => {
    await bus.ensureStream('loyalty');
    await bus.ensureStream('loyalty');
    const name = bus.streamName('loyalty');
    await bus.jsm.streams.update(name, { subjects: [bus.subjectFor('loyalty.points.>')], duplicate_window: nanos(1_000) });
    await bus.ensureStream('loyalty');
    const { config } = await bus.jsm.streams.info(name);
    expect(config).toMatchObject({
      subjects: [bus.subjectFor('loyalty.>')],
      storage: StorageType.File,
      duplicate_window: nanos(120_000),
    });
  });

  it('is ready while NATS answers, not while it is down, and again once it is back', async () => {
    const nats = await startPrivateNatsServer();
    const outage = await connectBus({ url: nats.url, prefix: uniqueTestId('bus_check'), name: 'bus-check', logger: silentLogger(), checkTimeoutMs: 300, maxReconnectDelayMs: 200 });
    try {
      await outage.check();
      await nats.stop();
      await expect(outage.check()).rejects.toThrow();
      await nats.start();
      await waitFor(() => outage.check().then(() => true, () => false), { timeoutMs: 10_000 });
    } finally {
      await outage.close();
      await nats.close();
    }
    expect(outage.nc.isClosed()).toBe(true);
    await expect(outage.check()).rejects.toThrow(/closed/);
  });
});
