import { lifecycleStage, recordActivity, summariseActivity, type LifecycleStage } from '@rekindle/profile-core';
import { customerEvent, daysBefore, postGraphQL, RECORD_EVENTS, startTestService, type TestService } from '@rekindle/platform-testing';
import type { ProfileService } from '../profile-service';
import { serviceDefinition } from '../service-definition';

const NOW = '2030-06-15T12:00:00.000Z';
const TYPES = ['LOGIN', 'PAGE_VIEW', 'CONTENT_SHARED', 'SOCIAL_INTERACTION', 'ORDER_PLACED'] as const;
const typed: Record<(typeof TYPES)[number], Record<string, unknown>> = {
  LOGIN: {},
  PAGE_VIEW: { pageView: { path: '/p', depth: 1 } },
  CONTENT_SHARED: { contentShared: { channel: 'x' } },
  SOCIAL_INTERACTION: { socialInteraction: { kind: 'like' } },
  ORDER_PLACED: {},
};

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

interface Reference {
  firstActiveAt: Date | null;
  lastActiveAt: Date | null;
  reactivatedAt: Date | null;
  lastLoginAt: Date | null;
  lastOrderAt: Date | null;
  shares: number;
  socialInteractions: number;
}

const later = (a: Date | null, b: Date | null) => (a === null ? b : b === null ? a : a > b ? a : b);

/**
 * The fold runs as one SQL statement (EventFoldQuery); summariseActivity and recordActivity in
 * profile-core say what it must compute. This folds random histories both ways, run by run, and
 * compares every customer's summary and stage.
 */
describe('the fold in SQL against its TypeScript reference', () => {
  let profile: TestService<ProfileService>;
  beforeAll(async () => {
    profile = await startTestService(serviceDefinition, { label: 'profile_activity_fold', now: NOW, env: { PROFILE_EVENT_WORKER: 'false' } });
  });
  afterAll(() => profile.stop());

  it('gives every customer the same summary and stage, run after run, in and out of order', async () => {
    const next = random(20_300_615);
    const customers = Array.from({ length: 40 }, (_, i) => `fold-${i}`);
    const reference = new Map<string, Reference>();
    let orders = 0;
    for (let run = 0; run < 6; run += 1) {
      // Days before NOW: a run mostly moves forward in time but reaches back too; gaps of 90+ days happen.
      const events = Array.from({ length: 150 }, () => {
        const customer = customers[Math.floor(next() * customers.length)] as string;
        const type = TYPES[Math.floor(next() * TYPES.length)] as (typeof TYPES)[number];
        const days = Math.floor(next() * 500) - run * 40;
        const at = daysBefore(NOW, Math.max(0, days), Math.floor(next() * 24));
        const part =
          type === 'ORDER_PLACED'
            ? { orderPlaced: { orderId: `fold-o${(orders += 1)}`, currency: 'GBP', lines: [{ productId: 'p', quantity: 1, unitPrice: '5' }] } }
            : typed[type];
        return customerEvent(customer, type, at, part);
      });
      const result = await postGraphQL<{ recordEvents: { accepted: number } }>(profile.url, RECORD_EVENTS, { input: { events } });
      expect(result.data?.recordEvents.accepted).toBe(events.length);
      await profile.service.drainIngestion();

      const ids = new Map<string, string>(
        (await profile.service.dataSource.query('SELECT id, external_id FROM customer')).map((r: { id: string; external_id: string }) => [r.external_id, r.id]),
      );
      const byId = new Map([...ids].map(([externalId, id]) => [id, externalId]));
      const facts = events.map((e) => ({ customerId: ids.get(e.customerExternalId) as string, type: e.type, occurredAtMs: Date.parse(e.occurredAt) }));
      for (const delta of summariseActivity(facts)) {
        const externalId = byId.get(delta.customerId) as string;
        const was = reference.get(externalId) ?? {
          firstActiveAt: null,
          lastActiveAt: null,
          reactivatedAt: null,
          lastLoginAt: null,
          lastOrderAt: null,
          shares: 0,
          socialInteractions: 0,
        };
        const times = recordActivity({ firstActivityAt: was.firstActiveAt, lastActivityAt: was.lastActiveAt, reactivatedAt: was.reactivatedAt }, delta.activityTimes);
        reference.set(externalId, {
          firstActiveAt: times.firstActivityAt,
          lastActiveAt: times.lastActivityAt,
          reactivatedAt: times.reactivatedAt,
          lastLoginAt: later(was.lastLoginAt, delta.lastLoginAt),
          lastOrderAt: later(was.lastOrderAt, delta.lastOrderAt),
          shares: was.shares + delta.shares,
          socialInteractions: was.socialInteractions + delta.socialInteractions,
        });
      }

      const rows: (Reference & { externalId: string; stage: LifecycleStage; signedUpAt: Date | null; firstSeenAt: Date })[] =
        await profile.service.dataSource.query(
          `SELECT c.external_id AS "externalId", a.first_active_at AS "firstActiveAt", a.last_active_at AS "lastActiveAt",
                  a.reactivated_at AS "reactivatedAt", a.last_login_at AS "lastLoginAt", a.last_order_at AS "lastOrderAt",
                  a.shares, a.social_interactions AS "socialInteractions", l.stage, c.signed_up_at AS "signedUpAt", c.created_at AS "firstSeenAt"
           FROM customer c JOIN customer_activity a ON a.customer_id = c.id JOIN customer_lifecycle l ON l.customer_id = c.id`,
        );
      expect(rows).toHaveLength(reference.size);
      for (const { externalId, stage, signedUpAt, firstSeenAt, ...summary } of rows) {
        const expected = reference.get(externalId) as Reference;
        expect({ externalId, run, ...summary }).toEqual({ externalId, run, ...expected });
        const expectedStage = lifecycleStage({
          now: new Date(NOW),
          lastActivityAt: expected.lastActiveAt,
          firstActivityAt: expected.firstActiveAt,
          signedUpAt,
          firstSeenAt,
          reactivatedAt: expected.reactivatedAt,
        });
        expect({ externalId, run, stage }).toEqual({ externalId, run, stage: expectedStage });
      }
    }
    // The histories did reach the interesting cases.
    expect([...reference.values()].filter((r) => r.reactivatedAt !== null).length).toBeGreaterThan(5);
  });
});
