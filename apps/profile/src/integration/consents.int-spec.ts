import { consentChangedV1 } from '@rekindle/contracts';
import { outboxEvents, postGraphQL, startTestService, type TestService } from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const UPDATE = 'mutation($input: UpdateConsentsInput!) { updateConsents(input: $input) { applied unchanged } }';
const READ = '{ customerByExternalId(externalId: "cara") { consents { channel granted source changedAt } } }';

describe('updateConsents', () => {
  let profile: TestService<ProfileService>;
  const update = (consents: unknown[]) => postGraphQL<{ updateConsents: { applied: number; unchanged: number } }>(profile.url, UPDATE, { input: { consents } });
  const change = (channel: string, granted: boolean, changedAt: string, source = 'checkout') => ({ customerExternalId: 'cara', channel, granted, source, changedAt });

  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_consents' });
    await postGraphQL(profile.url, 'mutation { upsertCustomers(input: { customers: [{ externalId: "cara" }] }) { created } }');
  });
  afterAll(() => profile.stop());

  it('sets consent per channel, keeps history, ignores repeats and older changes', async () => {
    expect((await update([change('EMAIL', true, '2024-01-01T00:00:00Z'), change('SMS', false, '2024-01-01T00:00:00Z')])).data?.updateConsents).toEqual({ applied: 2, unchanged: 0 });
    expect((await update([change('EMAIL', true, '2024-01-01T00:00:00Z')])).data?.updateConsents).toEqual({ applied: 0, unchanged: 1 });
    expect((await update([change('EMAIL', false, '2024-03-01T00:00:00Z', 'unsubscribe-link')])).data?.updateConsents).toEqual({ applied: 1, unchanged: 0 });
    expect((await update([change('EMAIL', true, '2024-02-01T00:00:00Z')])).data?.updateConsents).toEqual({ applied: 0, unchanged: 1 });

    const read = await postGraphQL<{ customerByExternalId: { consents: unknown[] } }>(profile.url, READ);
    expect(read.data?.customerByExternalId.consents).toEqual([
      { channel: 'EMAIL', granted: false, source: 'unsubscribe-link', changedAt: '2024-03-01T00:00:00.000Z' },
      { channel: 'SMS', granted: false, source: 'checkout', changedAt: '2024-01-01T00:00:00.000Z' },
    ]);
    // Every distinct change is kept, also the late one that did not move the current consent.
    const history = await profile.service.dataSource.query(`SELECT channel, granted, changed_at FROM consent_history ORDER BY changed_at, channel`);
    expect(history.map((h: { channel: string; granted: boolean; changed_at: Date }) => [h.channel, h.granted, h.changed_at.toISOString().slice(0, 10)])).toEqual([
      ['EMAIL', true, '2024-01-01'],
      ['SMS', false, '2024-01-01'],
      ['EMAIL', true, '2024-02-01'],
      ['EMAIL', false, '2024-03-01'],
    ]);
    expect(await outboxEvents(profile.service.dataSource, consentChangedV1.type)).toHaveLength(3);
  });

  it('rejects the whole batch for an unknown customer or a bad channel, writing nothing', async () => {
    const before = await profile.service.dataSource.query('SELECT count(*)::int AS n FROM consent_history');
    const unknown = await update([change('PUSH', true, '2024-05-01T00:00:00Z'), { ...change('PUSH', true, '2024-05-01T00:00:00Z'), customerExternalId: 'nobody' }]);
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'consents[1].customerExternalId' });
    const badChannel = await postGraphQL(profile.url, UPDATE, { input: { consents: [change('FAX', true, '2024-05-01T00:00:00Z')] } });
    expect(badChannel.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(await profile.service.dataSource.query('SELECT count(*)::int AS n FROM consent_history')).toEqual(before);
  });
});
