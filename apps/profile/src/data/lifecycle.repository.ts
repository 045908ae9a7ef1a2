import type { EntityManager } from '@rekindle/platform-database';
import type { StageChange } from '@rekindle/profile-core';

export class LifecycleRepository {
  /** Records stage changes: the new stage, since when, and the stage it left. */
  async saveChanges(manager: EntityManager, changes: StageChange[]): Promise<void> {
    if (changes.length === 0) return;
    await manager.query(
      `INSERT INTO customer_lifecycle AS l (customer_id, stage, since, previous_stage)
       SELECT customer_id, stage, since, previous_stage
       FROM jsonb_to_recordset($1::jsonb) AS x(customer_id uuid, stage text, since timestamptz, previous_stage text)
       ON CONFLICT (customer_id) DO UPDATE SET stage = excluded.stage, since = excluded.since, previous_stage = excluded.previous_stage`,
      [JSON.stringify(changes.map((c) => ({ customer_id: c.customerId, stage: c.to, since: c.at, previous_stage: c.from })))],
    );
  }
}
