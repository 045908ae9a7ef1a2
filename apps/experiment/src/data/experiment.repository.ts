import type { ExperimentDefinition, ExperimentStatus } from '@rekindle/experiment-core';
import { conversionWindowHours } from '@rekindle/experiment-core';
import type { EntityManager } from '@rekindle/platform-database';
import { fingerprintOf, metricEventsOf, storedDefinition, toExperimentModel, type ExperimentModel, type ExperimentRow } from './experiment.model';

export interface ExperimentPageQuery {
  size: number;
  status?: ExperimentStatus;
  after?: { createdAt: string; id: string };
}

const definitionColumns = (definition: ExperimentDefinition) => [
  definition.key,
  JSON.stringify(storedDefinition(definition)),
  metricEventsOf(definition),
  conversionWindowHours(definition.conversionWindow),
];

/** Access to the experiment table; every method is one statement. */
export class ExperimentRepository {
  /** Inserts a DRAFT experiment; null when the key is taken (by a concurrent create, too: it waits for it to commit). */
  async insertIfNewKey(manager: EntityManager, id: string, definition: ExperimentDefinition): Promise<ExperimentModel | null> {
    const rows: ExperimentRow[] = await manager.query(
      `INSERT INTO experiment (id, key, definition, metric_events, conversion_window_hours, status, creation_fingerprint)
       VALUES ($1, $2, $3::jsonb, $4::text[], $5, 'DRAFT', $6)
       ON CONFLICT (key) DO NOTHING
       RETURNING *`,
      [id, ...definitionColumns(definition), fingerprintOf(definition)],
    );
    return rows[0] ? toExperimentModel(rows[0]) : null;
  }

  /**
   * The experiment with this key. `lock`: 'update' for a change of the row itself, 'share' to keep it
   * from changing (status, definition) until the transaction ends while exposures are written.
   */
  async findByKey(manager: EntityManager, key: string, lock?: 'update' | 'share'): Promise<ExperimentModel | null> {
    const suffix = lock === 'update' ? ' FOR UPDATE' : lock === 'share' ? ' FOR SHARE' : '';
    const rows: ExperimentRow[] = await manager.query(`SELECT * FROM experiment WHERE key = $1${suffix}`, [key]);
    return rows[0] ? toExperimentModel(rows[0]) : null;
  }

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<ExperimentModel[]> {
    const rows: ExperimentRow[] = await manager.query('SELECT * FROM experiment WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toExperimentModel);
  }

  async findByKeys(manager: EntityManager, keys: readonly string[]): Promise<ExperimentModel[]> {
    const rows: ExperimentRow[] = await manager.query('SELECT * FROM experiment WHERE key = ANY($1::text[])', [keys]);
    return rows.map(toExperimentModel);
  }

  async updateDefinition(manager: EntityManager, id: string, definition: ExperimentDefinition): Promise<ExperimentModel> {
    const [rows]: [ExperimentRow[], number] = await manager.query(
      `UPDATE experiment SET key = $2, definition = $3::jsonb, metric_events = $4::text[], conversion_window_hours = $5,
         version = version + 1, updated_at = clock_timestamp()
       WHERE id = $1 RETURNING *`,
      [id, ...definitionColumns(definition)],
    );
    return toExperimentModel(rows[0] as ExperimentRow);
  }

  async start(manager: EntityManager, id: string, now: Date): Promise<ExperimentModel> {
    const [rows]: [ExperimentRow[], number] = await manager.query(
      `UPDATE experiment SET status = 'RUNNING', started_at = $2, version = version + 1, updated_at = clock_timestamp()
       WHERE id = $1 RETURNING *`,
      [id, now],
    );
    return toExperimentModel(rows[0] as ExperimentRow);
  }

  async stop(manager: EntityManager, id: string, now: Date): Promise<ExperimentModel> {
    const [rows]: [ExperimentRow[], number] = await manager.query(
      `UPDATE experiment SET status = 'STOPPED', stopped_at = $2, version = version + 1, updated_at = clock_timestamp()
       WHERE id = $1 RETURNING *`,
      [id, now],
    );
    return toExperimentModel(rows[0] as ExperimentRow);
  }

  /** Newest first, keyset-paginated on (created_at, id); fetches `size + 1` rows to tell whether more follow. */
  async page(manager: EntityManager, query: ExperimentPageQuery): Promise<ExperimentModel[]> {
    const rows: ExperimentRow[] = await manager.query(
      `SELECT * FROM experiment
       WHERE ($1::text IS NULL OR status = $1)
         AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
       ORDER BY created_at DESC, id DESC
       LIMIT $4`,
      [query.status ?? null, query.after?.createdAt ?? null, query.after?.id ?? null, query.size + 1],
    );
    return rows.map(toExperimentModel);
  }
}
