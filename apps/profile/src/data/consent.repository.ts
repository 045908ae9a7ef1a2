import type { EntityManager } from '@rekindle/platform-database';
import type { ConsentChannel } from '@rekindle/profile-core';

export interface ConsentRecord {
  customerId: string;
  channel: ConsentChannel;
  granted: boolean;
  source: string;
  changedAt: string;
}

export class ConsentRepository {
  /**
   * Keeps every change in the history (once) and moves the current consent only forward in time
   * and only when it really changes; returns the changes that moved it.
   */
  async apply(manager: EntityManager, changes: ConsentRecord[]): Promise<ConsentRecord[]> {
    return manager.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb)
           AS x(customer_id uuid, channel text, granted boolean, source text, changed_at timestamptz, position int)),
       history AS (
         INSERT INTO consent_history (customer_id, channel, granted, source, changed_at)
         SELECT customer_id, channel, granted, source, changed_at FROM input
         ON CONFLICT (customer_id, channel, changed_at, granted) DO NOTHING),
       latest AS (
         SELECT DISTINCT ON (customer_id, channel) * FROM input ORDER BY customer_id, channel, changed_at DESC, position DESC)
       INSERT INTO customer_consent AS c (customer_id, channel, granted, source, changed_at)
       SELECT customer_id, channel, granted, source, changed_at FROM latest
       ON CONFLICT (customer_id, channel) DO UPDATE SET granted = excluded.granted, source = excluded.source, changed_at = excluded.changed_at
         WHERE excluded.changed_at > c.changed_at AND (c.granted, c.source) IS DISTINCT FROM (excluded.granted, excluded.source)
       RETURNING customer_id AS "customerId", channel, granted, source, changed_at AS "changedAt"`,
      [
        JSON.stringify(
          changes.map((c, position) => ({
            customer_id: c.customerId,
            channel: c.channel,
            granted: c.granted,
            source: c.source,
            changed_at: c.changedAt,
            position,
          })),
        ),
      ],
    );
  }
}
