import type { EntityManager } from '@rekindle/platform-database';
import type { LifecycleStage, RfmSegment } from '@rekindle/profile-core';

export interface RfmModel {
  recencyDays: number;
  frequency: number;
  monetary: string;
  recencyScore: number;
  frequencyScore: number;
  monetaryScore: number;
  segment: RfmSegment;
  windowDays: number;
  scoredAt: Date;
}

export interface LifecycleFactsModel {
  customerId: string;
  stage: LifecycleStage | null;
  since: Date | null;
  previousStage: LifecycleStage | null;
  lastActiveAt: Date | null;
  signedUpAt: Date | null;
  firstSeenAt: Date;
}

export interface ConsentModel {
  channel: 'EMAIL' | 'SMS' | 'PUSH';
  granted: boolean;
  source: string;
  changedAt: Date;
}

/** Batch reads behind Customer.rfm, Customer.lifecycle and Customer.consents: one query per field per request. */
export class CustomerFactsQuery {
  async rfm(manager: EntityManager, ids: readonly string[]): Promise<Map<string, RfmModel>> {
    const rows: (RfmModel & { customerId: string })[] = await manager.query(
      `SELECT customer_id AS "customerId", recency_days AS "recencyDays", frequency, trim_scale(monetary)::text AS monetary,
              r AS "recencyScore", f AS "frequencyScore", m AS "monetaryScore", segment, window_days AS "windowDays",
              scored_at AS "scoredAt"
       FROM customer_rfm WHERE customer_id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map(({ customerId, ...rfm }) => [customerId, rfm]));
  }

  async lifecycle(manager: EntityManager, ids: readonly string[]): Promise<Map<string, LifecycleFactsModel>> {
    const rows: LifecycleFactsModel[] = await manager.query(
      `SELECT c.id AS "customerId", l.stage, l.since, l.previous_stage AS "previousStage",
              a.last_active_at AS "lastActiveAt", c.signed_up_at AS "signedUpAt", c.created_at AS "firstSeenAt"
       FROM customer c
       LEFT JOIN customer_lifecycle l ON l.customer_id = c.id
       LEFT JOIN customer_activity a ON a.customer_id = c.id
       WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((r) => [r.customerId, r]));
  }

  async consents(manager: EntityManager, ids: readonly string[]): Promise<Map<string, ConsentModel[]>> {
    const rows: (ConsentModel & { customerId: string })[] = await manager.query(
      `SELECT customer_id AS "customerId", channel, granted, source, changed_at AS "changedAt"
       FROM customer_consent WHERE customer_id = ANY($1::uuid[]) ORDER BY channel`,
      [ids],
    );
    const byCustomer = new Map<string, ConsentModel[]>();
    for (const { customerId, ...consent } of rows) byCustomer.set(customerId, [...(byCustomer.get(customerId) ?? []), consent]);
    return byCustomer;
  }
}
