import type { EntityManager } from '@rekindle/platform-database';

export interface StoredExposure {
  customerId: string;
  variant: string;
  exposedAt: Date;
}

export interface CustomerAssignmentRow {
  customerId: string;
  experimentId: string;
  variant: string;
  exposedAt: Date;
}

interface ExposureRow {
  customer_id: string;
  variant: string;
  exposed_at: Date;
}

const toExposure = (row: ExposureRow): StoredExposure => ({ customerId: row.customer_id, variant: row.variant, exposedAt: row.exposed_at });

/** The sticky exposures: written once per (experiment, customer), never updated. Set-based throughout. */
export class ExposureRepository {
  async find(manager: EntityManager, experimentId: string, customerIds: readonly string[]): Promise<Map<string, StoredExposure>> {
    if (customerIds.length === 0) return new Map();
    const rows: ExposureRow[] = await manager.query(
      'SELECT customer_id, variant, exposed_at FROM exposure WHERE experiment_id = $1 AND customer_id = ANY($2::uuid[])',
      [experimentId, customerIds],
    );
    return new Map(rows.map((r) => [r.customer_id, toExposure(r)]));
  }

  /**
   * Stores the exposures that do not exist yet, in one statement, and returns those it stored. A row
   * already there (an earlier or concurrent exposure) is left alone: the first exposure wins. Rows
   * go in customer-id order, so two overlapping batches wait on each other instead of deadlocking.
   */
  async insertNew(
    manager: EntityManager,
    experimentId: string,
    exposures: readonly { customerId: string; variant: string }[],
    exposedAt: Date,
  ): Promise<StoredExposure[]> {
    if (exposures.length === 0) return [];
    const rows: ExposureRow[] = await manager.query(
      `INSERT INTO exposure (experiment_id, customer_id, variant, exposed_at)
       SELECT $1, x.customer_id, x.variant, $4
       FROM unnest($2::uuid[], $3::text[]) AS x(customer_id, variant)
       ORDER BY x.customer_id
       ON CONFLICT DO NOTHING
       RETURNING customer_id, variant, exposed_at`,
      [experimentId, exposures.map((e) => e.customerId), exposures.map((e) => e.variant), exposedAt],
    );
    return rows.map(toExposure);
  }

  /** Every assignment of these customers, most recent first. */
  async byCustomers(manager: EntityManager, customerIds: readonly string[]): Promise<CustomerAssignmentRow[]> {
    if (customerIds.length === 0) return [];
    const rows: (ExposureRow & { experiment_id: string })[] = await manager.query(
      `SELECT customer_id, experiment_id, variant, exposed_at FROM exposure
       WHERE customer_id = ANY($1::uuid[])
       ORDER BY exposed_at DESC, experiment_id`,
      [customerIds],
    );
    return rows.map((r) => ({ customerId: r.customer_id, experimentId: r.experiment_id, variant: r.variant, exposedAt: r.exposed_at }));
  }
}
