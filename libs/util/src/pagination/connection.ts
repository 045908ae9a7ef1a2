import { InputError } from '../errors';
import { encodeCursor } from './cursor';

/** Relay connection arguments and results (DESIGN.md §5), with keyset cursors. */
export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount?: number;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new InputError([{ field: 'first', message: `must be between 1 and ${MAX_PAGE_SIZE}` }]);
  }
  return first;
}

/**
 * Builds a connection from rows fetched with `LIMIT size + 1`: the extra row only tells that
 * another page exists.
 */
export function toConnection<T>(rows: T[], size: number, keysOf: (row: T) => (string | number)[], totalCount?: number): Connection<T> {
  const page = rows.slice(0, size);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keysOf(node)) }));
  return {
    edges,
    pageInfo: { hasNextPage: rows.length > size, endCursor: edges.at(-1)?.cursor ?? null },
    ...(totalCount === undefined ? {} : { totalCount }),
  };
}
