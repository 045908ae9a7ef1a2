import { createHash } from 'node:crypto';
import { decodeCursor, InputError, pageSize, toConnection, type Connection, type PageArgs } from '@rekindle/contracts';
import type { Cache } from '@rekindle/platform-cache';
import type { DataSource } from '@rekindle/platform-database';
import type { CustomerModel } from '../data/customer.model';
import type { CustomerRepository } from '../data/customer.repository';

export interface CustomerFilterArgs {
  search?: string | null;
  externalIds?: readonly string[] | null;
}

/** `totalCount` is a function so the count query runs only when a client asks for it. */
export type CustomerConnectionModel = Omit<Connection<CustomerModel>, 'totalCount'> & { totalCount: () => Promise<number> };

const MAX_EXTERNAL_IDS = 1000;

export class ListCustomersUseCase {
  constructor(
    private readonly deps: { dataSource: DataSource; customers: CustomerRepository; cache: Cache; countCacheSeconds: number },
  ) {}

  async execute(args: PageArgs & { filter?: CustomerFilterArgs | null }): Promise<CustomerConnectionModel> {
    const size = pageSize(args.first);
    const filter = this.normaliseFilter(args.filter);
    const after = args.after ? this.decodeAfter(args.after) : undefined;
    const rows = await this.deps.customers.page(this.deps.dataSource.manager, { size, ...filter, ...(after ? { after } : {}) });
    const connection = toConnection(rows, size, (c) => [c.createdAt.toISOString(), c.id]);
    return { ...connection, totalCount: () => this.count(filter) };
  }

  private count(filter: CustomerFilterArgs & { search?: string; externalIds?: string[] }): Promise<number> {
    const key = `customers:count:${createHash('sha1').update(JSON.stringify(filter)).digest('hex')}`;
    return this.deps.cache.getOrCompute(key, this.deps.countCacheSeconds, () =>
      this.deps.customers.count(this.deps.dataSource.manager, filter),
    );
  }

  private normaliseFilter(filter: CustomerFilterArgs | null | undefined): { search?: string; externalIds?: string[] } {
    const search = filter?.search?.trim();
    const externalIds = filter?.externalIds ? [...filter.externalIds] : undefined;
    if (externalIds && externalIds.length > MAX_EXTERNAL_IDS) {
      throw new InputError([{ field: 'filter.externalIds', message: `must hold at most ${MAX_EXTERNAL_IDS} ids` }]);
    }
    return { ...(search ? { search } : {}), ...(externalIds ? { externalIds } : {}) };
  }

  private decodeAfter(cursor: string): { createdAt: string; id: string } {
    const [createdAt, id] = decodeCursor(cursor, 2);
    if (typeof createdAt !== 'string' || typeof id !== 'string') {
      throw new InputError([{ field: 'after', message: 'is not a cursor this list gave out' }]);
    }
    return { createdAt, id };
  }
}
