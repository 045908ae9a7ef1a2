import { decodeCursor, pageSize, toConnection } from '@rekindle/util';
import { daysInactive } from '@rekindle/profile-core';
import type { Resolvers } from '../generated/graphql';

export const customerResolvers: Resolvers = {
  Customer: {
    __resolveReference: (reference, { loaders }) => loaders.byId.load(reference.id),
    activity: async (customer, _args, { facts }) => {
      const activity = await facts.activity.load(customer.id);
      if (!activity) throw new Error(`activity summary missing for customer ${customer.id}`);
      return activity;
    },
    rfm: (customer, _args, { facts }) => facts.rfm.load(customer.id),
    lifecycle: async (customer, _args, { facts, clock }) => {
      const row = await facts.lifecycle.load(customer.id);
      return {
        stage: row?.stage ?? 'NEW',
        since: row?.since ?? customer.createdAt,
        previousStage: row?.previousStage ?? null,
        daysInactive: daysInactive(row?.lastActiveAt ?? null, row?.signedUpAt ?? null, row?.firstSeenAt ?? customer.createdAt, clock.now()),
      };
    },
    consents: (customer, _args, { facts }) => facts.consents.load(customer.id),
    events: async (customer, { first, after, types }, { facts }) => {
      const size = pageSize(first);
      let cursor: { occurredAt: string; eventId: string } | null = null;
      if (after) {
        const [occurredAt, eventId] = decodeCursor(after, ['timestamp', 'text']);
        cursor = { occurredAt, eventId };
      }
      const rows = await facts.timeline.load({ id: customer.id, page: { size, types: types ? [...types] : null, after: cursor } });
      return toConnection(rows, size, (e) => [e.occurredAt.toISOString(), e.eventId]);
    },
  },
};
