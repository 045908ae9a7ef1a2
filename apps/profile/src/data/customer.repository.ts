import { lockKeySql, type EntityManager } from '@rekindle/platform-database';
import { daysInactiveSql, type CustomerState } from '@rekindle/profile-core';
import { toCustomerModel, type CustomerModel, type CustomerRow } from './customer.model';

const STATE_COLUMNS = `external_id text, email text, phone text, name text, birth_date date, gender text,
  region text, city text, signed_up_at timestamptz, attributes jsonb`;

const toRecord = (id: string, s: CustomerState) => ({
  id,
  external_id: s.externalId,
  email: s.email,
  phone: s.phone,
  name: s.name,
  birth_date: s.birthDate,
  gender: s.gender,
  region: s.region,
  city: s.city,
  signed_up_at: s.signedUpAt,
  attributes: s.attributes,
});

export interface CustomerFilter {
  search?: string;
  externalIds?: string[];
  stages?: string[];
  rfmSegments?: string[];
  /** Both bounds need `now`, the instant days are counted to. */
  minDaysInactive?: number;
  maxDaysInactive?: number;
  now?: Date;
}

export interface CustomerPageQuery extends CustomerFilter {
  size: number;
  after?: { createdAt: string; id: string };
}

const FROM_CUSTOMERS = 'FROM customer c LEFT JOIN customer_activity a ON a.customer_id = c.id';

/**
 * External ids lock by bucket, not one by one: PostgreSQL shares max_locks_per_transaction (64) ×
 * max_connections lock slots among all sessions, and a lock per id ran out when a few calls of
 * 5,000 new customers overlapped. Ids in one bucket merely wait for each other. A bucket is a lock
 * name of platform-database's scheme (keyed by schema, so other schemas' profiles never wait),
 * hashed once per distinct bucket; the keys come in a fixed order.
 */
const EXTERNAL_ID_LOCK_BUCKETS = 256;
const externalIdLockKeys = `SELECT ${lockKeySql(`'customer-external-ids:' || bucket`)} AS k
  FROM (SELECT DISTINCT hashtextextended(x, 0) & ${EXTERNAL_ID_LOCK_BUCKETS - 1} AS bucket FROM unnest($1::text[]) x) buckets
  ORDER BY k`;

/** Set-based access to the customer table: every method is one statement, whatever the batch size. */
export class CustomerRepository {
  /**
   * Serialises concurrent upserts of the same external ids until the transaction ends, so a
   * customer is created once even when two partners' calls race. Locks are taken in a fixed order.
   */
  async lockExternalIds(manager: EntityManager, externalIds: string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock(k) FROM (${externalIdLockKeys}) locks`,
      [externalIds],
    );
  }

  /** externalId → id of the customers that exist, for a caller that needs no more of them. */
  async idsByExternalIds(manager: EntityManager, externalIds: readonly string[]): Promise<Map<string, string>> {
    const rows: { id: string; external_id: string }[] = await manager.query(
      'SELECT id, external_id FROM customer WHERE external_id = ANY($1::text[])',
      [externalIds],
    );
    return new Map(rows.map((r) => [r.external_id, r.id]));
  }

  /**
   * Shares the external ids' locks with other holders of the shared lock (concurrent recordEvents
   * calls) but not with lockExternalIds (an upsert), in the same fixed order.
   */
  async lockExternalIdsShared(manager: EntityManager, externalIds: string[]): Promise<void> {
    await manager.query(
      `SELECT pg_advisory_xact_lock_shared(k) FROM (${externalIdLockKeys}) locks`,
      [externalIds],
    );
  }

  /**
   * Registers the external ids no other transaction has registered meanwhile (ON CONFLICT DO
   * NOTHING), in a fixed order so racing callers never deadlock; returns the customers it created.
   */
  insertNewExternalIds(manager: EntityManager, customers: { id: string; state: CustomerState }[]): Promise<CustomerModel[]> {
    const sorted = [...customers].sort((a, b) => (a.state.externalId < b.state.externalId ? -1 : 1));
    return this.insert(manager, sorted, 'ON CONFLICT (external_id) DO NOTHING');
  }

  async findByExternalIds(manager: EntityManager, externalIds: readonly string[]): Promise<CustomerModel[]> {
    const rows: CustomerRow[] = await manager.query('SELECT * FROM customer WHERE external_id = ANY($1::text[])', [externalIds]);
    return rows.map(toCustomerModel);
  }

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<CustomerModel[]> {
    const rows: CustomerRow[] = await manager.query('SELECT * FROM customer WHERE id = ANY($1::uuid[])', [ids]);
    return rows.map(toCustomerModel);
  }

  /** Creates the customers; the caller holds their external ids' locks (lockExternalIds). */
  insertMany(manager: EntityManager, customers: { id: string; state: CustomerState }[]): Promise<CustomerModel[]> {
    return this.insert(manager, customers, '');
  }

  private async insert(manager: EntityManager, customers: { id: string; state: CustomerState }[], onConflict: string): Promise<CustomerModel[]> {
    if (customers.length === 0) return [];
    const rows: CustomerRow[] = await manager.query(
      `INSERT INTO customer (id, external_id, email, phone, name, birth_date, gender, region, city, signed_up_at, attributes)
       SELECT id, external_id, email, phone, name, birth_date, gender, region, city, signed_up_at, attributes
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ${STATE_COLUMNS})
       ${onConflict}
       RETURNING *`,
      [JSON.stringify(customers.map((c) => toRecord(c.id, c.state)))],
    );
    return rows.map(toCustomerModel);
  }

  async updateMany(manager: EntityManager, customers: { id: string; state: CustomerState }[]): Promise<CustomerModel[]> {
    if (customers.length === 0) return [];
    // TypeORM answers an UPDATE with [rows, affected count] rather than the rows alone.
    const [rows]: [CustomerRow[], number] = await manager.query(
      `UPDATE customer c SET email = x.email, phone = x.phone, name = x.name, birth_date = x.birth_date, gender = x.gender,
         region = x.region, city = x.city, signed_up_at = x.signed_up_at, attributes = x.attributes, updated_at = clock_timestamp()
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, ${STATE_COLUMNS})
       WHERE c.id = x.id
       RETURNING c.*`,
      [JSON.stringify(customers.map((c) => toRecord(c.id, c.state)))],
    );
    return rows.map(toCustomerModel);
  }

  /** Keyset page in first-seen order; fetches one row more than asked so the caller knows if more follow. */
  async page(manager: EntityManager, query: CustomerPageQuery): Promise<CustomerModel[]> {
    const { where, params } = this.filter(query);
    if (query.after) {
      params.push(query.after.createdAt, query.after.id);
      where.push(`(c.created_at, c.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    params.push(query.size + 1);
    const rows: CustomerRow[] = await manager.query(
      `SELECT c.* ${FROM_CUSTOMERS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.created_at, c.id LIMIT $${params.length}`,
      params,
    );
    return rows.map(toCustomerModel);
  }

  async count(manager: EntityManager, query: CustomerFilter): Promise<number> {
    const { where, params } = this.filter(query);
    const [row] = await manager.query(`SELECT count(*)::int AS n ${FROM_CUSTOMERS} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return (row as { n: number }).n;
  }

  private filter(query: CustomerFilter): { where: string[]; params: unknown[] } {
    const where: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    if (query.search) {
      const pattern = param(`%${query.search.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
      where.push(`((coalesce(c.name, '') || ' ' || coalesce(c.email, '')) ILIKE ${pattern} OR c.external_id = ${param(query.search)})`);
    }
    if (query.externalIds) where.push(`c.external_id = ANY(${param(query.externalIds)}::text[])`);
    if (query.stages) where.push(`c.id IN (SELECT customer_id FROM customer_lifecycle WHERE stage = ANY(${param(query.stages)}::text[]))`);
    if (query.rfmSegments) where.push(`c.id IN (SELECT customer_id FROM customer_rfm WHERE segment = ANY(${param(query.rfmSegments)}::text[]))`);
    if ((query.minDaysInactive !== undefined || query.maxDaysInactive !== undefined) && query.now) {
      const days = daysInactiveSql({
        now: `${param(query.now)}::timestamptz`,
        lastActivityAt: 'a.last_active_at',
        signedUpAt: 'c.signed_up_at',
        firstSeenAt: 'c.created_at',
      });
      if (query.minDaysInactive !== undefined) where.push(`${days} >= ${param(query.minDaysInactive)}`);
      if (query.maxDaysInactive !== undefined) where.push(`${days} <= ${param(query.maxDaysInactive)}`);
    }
    return { where, params };
  }
}
