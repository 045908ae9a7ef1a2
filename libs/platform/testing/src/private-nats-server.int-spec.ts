import { access } from 'node:fs/promises';
import { connect, type NatsConnection } from 'nats';
import { startPrivateNatsServer } from './private-nats-server';

describe('startPrivateNatsServer', () => {
  it('crashes and restarts on the same port with its JetStream store, and cleans up on close', async () => {
    const nats = await startPrivateNatsServer();
    let nc: NatsConnection | undefined;
    try {
      nc = await connect({ servers: nats.url });
      const jsm = await nc.jetstreamManager();
      await jsm.streams.add({ name: 'KEPT', subjects: ['kept.>'] });
      await nc.jetstream().publish('kept.one', 'payload');
      await nc.close();

      await nats.stop();
      await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow();
      await nats.start();

      nc = await connect({ servers: nats.url });
      const info = await (await nc.jetstreamManager()).streams.info('KEPT');
      expect(info.state.messages).toBe(1);
    } finally {
      await nc?.close();
      await nats.close();
    }
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow();
    await expect(access(nats.storeDir)).rejects.toThrow(/ENOENT/);
  });

  it('says what is missing when nats-server is not on PATH', async () => {
    const path = process.env['PATH'];
    process.env['PATH'] = '/nonexistent';
    try {
      await expect(startPrivateNatsServer()).rejects.toThrow(/nats-server was not found on PATH/);
    } finally {
      process.env['PATH'] = path;
    }
  });
});
