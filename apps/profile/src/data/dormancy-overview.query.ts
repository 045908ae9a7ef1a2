import type { EntityManager } from '@rekindle/platform-database';

/** Population counts in one statement: customers, and customers per lifecycle stage and per RFM segment (absent where none). */
export interface PopulationCounts {
  total: number;
  stages: Record<string, number>;
  segments: Record<string, number>;
}

export async function loadPopulationCounts(manager: EntityManager): Promise<PopulationCounts> {
  const [row]: { total: number; stages: Record<string, number> | null; segments: Record<string, number> | null }[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM customer) AS total,
            (SELECT jsonb_object_agg(stage, n) FROM (SELECT stage, count(*)::int AS n FROM customer_lifecycle GROUP BY stage) s) AS stages,
            (SELECT jsonb_object_agg(segment, n) FROM (SELECT segment, count(*)::int AS n FROM customer_rfm GROUP BY segment) s) AS segments`,
  );
  return { total: row?.total ?? 0, stages: row?.stages ?? {}, segments: row?.segments ?? {} };
}
