import { createHash } from 'node:crypto';
import { decodeCursor, InputError, pageSize, toConnection, type Connection, type InputIssue, type PageArgs } from '@rekindle/util';
import type { Cache } from '@rekindle/platform-cache';
import type { Clock } from '@rekindle/platform-config';
import type { DataSource } from '@rekindle/platform-database';
import type { CustomerModel } from '../data/customer.model';
import type { CustomerFilter, CustomerRepository } from '../data/customer.repository';

export interface CustomerFilterArgs {
  search?: string | null;
  externalIds?: readonly string[] | null;
  stages?: readonly string[] | null;
  rfmSegments?: readonly string[] | null;
  minDaysInactive?: number | null;
  maxDaysInactive?: number | null;
}

/** `totalCount` is a function so the count query runs only when a client asks for it. */
export type CustomerConnectionModel = Omit<Connection<CustomerModel>, 'totalCount'> & { totalCount: () => Promise<number> };

const MAX_EXTERNAL_IDS = 1000;

export class ListCustomersUseCase {
  constructor(
    private readonly deps: { dataSource: DataSource; customers: CustomerRepository; cache: Cache; clock: Clock; countCacheSeconds: number },
  ) {}

  async execute(args: PageArgs & { filter?: CustomerFilterArgs | null }): Promise<CustomerConnectionModel> {
    const size = pageSize(args.first);
    const filter = this.normaliseFilter(args.filter);
    const after = args.after ? this.decodeAfter(args.after) : undefined;
    const rows = await this.deps.customers.page(this.deps.dataSource.manager, { size, ...filter, ...(after ? { after } : {}) });
    const connection = toConnection(rows, size, (c) => [c.createdAt.toISOString(), c.id]);
    return { ...connection, totalCount: () => this.count(filter) };
  }

  private count(filter: CustomerFilter): Promise<number> {
    const key = `customers:count:${createHash('sha1').update(JSON.stringify(filter)).digest('hex')}`;
    return this.deps.cache.getOrCompute(key, this.deps.countCacheSeconds, () => this.deps.customers.count(this.deps.dataSource.manager, filter));
  }

  private normaliseFilter(args: CustomerFilterArgs | null | undefined): CustomerFilter {
    const issues: InputIssue[] = [];
    const filter: CustomerFilter = {};
    const search = args?.search?.trim();
    if (search) filter.search = search;
    if (args?.externalIds) {
      if (args.externalIds.length > MAX_EXTERNAL_IDS) issues.push({ field: 'filter.externalIds', message: `must hold at most ${MAX_EXTERNAL_IDS} ids` });
      filter.externalIds = [...args.externalIds];
    }
    if (args?.stages) filter.stages = [...args.stages];
    if (args?.rfmSegments) filter.rfmSegments = [...args.rfmSegments];
    for (const bound of ['minDaysInactive', 'maxDaysInactive'] as const) {
      const value = args?.[bound];
      if (value === null || value === undefined) continue;
      if (value < 0) issues.push({ field: `filter.${bound}`, message: 'must not be negative' });
      filter[bound] = value;
      filter.now = this.deps.clock.now();
    }
    if (filter.minDaysInactive !== undefined && filter.maxDaysInactive !== undefined && filter.minDaysInactive > filter.maxDaysInactive) {
      issues.push({ field: 'filter.maxDaysInactive', message: 'must not be less than minDaysInactive' });
    }
    if (issues.length > 0) throw new InputError(issues);
    return filter;
  }

  private decodeAfter(cursor: string): { createdAt: string; id: string } {
    const [createdAt, id] = decodeCursor(cursor, ['timestamp', 'uuid']);
    return { createdAt, id };
  }
}
