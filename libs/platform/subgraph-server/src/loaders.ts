import DataLoader from 'dataloader';
import { canonicalUuid } from '@rekindle/util';

/** An entity id's canonical form, or null for an id that cannot exist (it is answered as missing, unasked). */
export type CanonicalId = (id: string) => string | null;

export interface IdLoaderOptions<V> {
  /** What an id nothing was found for answers. */
  missing: V;
  /** Entity ids are UUIDs, matched lower-case; pass another form for other keys (external ids, keys). */
  canonical?: CanonicalId;
}

/**
 * A per-request loader of one value per id (DESIGN.md §1): the ids a request asks for in one tick
 * cost one `load`, which gets them distinct and in canonical form and answers what it found by id.
 */
export function createIdLoader<V>(load: (ids: string[]) => Promise<ReadonlyMap<string, V>>, options: IdLoaderOptions<V>): DataLoader<string, V> {
  const canonical = options.canonical ?? canonicalUuid;
  return new DataLoader(async (keys) => {
    const ids = keys.map(canonical);
    const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
    const found = wanted.length > 0 ? await load(wanted) : new Map<string, V>();
    return ids.map((id) => (id === null ? options.missing : (found.get(id) ?? options.missing)));
  });
}

export interface EntityLoaderOptions<E> {
  findByIds: (ids: string[]) => Promise<E[]>;
  /** By the entity's other unique key (an external id, a key), taken as it is. */
  findByKeys: (keys: string[]) => Promise<E[]>;
  idOf: (entity: E) => string;
  keyOf: (entity: E) => string;
}

export interface EntityLoaders<E> {
  byId: DataLoader<string, E | null>;
  byKey: DataLoader<string, E | null>;
}

/**
 * Per-request loaders of an entity by its id and by its other unique key: what one finds, the
 * other knows without a query (a customer found by id answers its external id too).
 */
export function createEntityLoaders<E>(options: EntityLoaderOptions<E>): EntityLoaders<E> {
  const { idOf, keyOf } = options;
  /** What `find` found by `keyOf`, each also primed into `other` by `otherKeyOf`. */
  const finding =
    (find: (keys: string[]) => Promise<E[]>, by: (entity: E) => string, other: () => DataLoader<string, E | null>, otherKeyOf: (entity: E) => string) =>
    async (keys: string[]) => {
      const found = await find(keys);
      for (const entity of found) other().prime(otherKeyOf(entity), entity);
      return new Map(found.map((entity) => [by(entity), entity]));
    };
  const loaders: EntityLoaders<E> = {
    byId: createIdLoader(finding(options.findByIds, idOf, () => loaders.byKey, keyOf), { missing: null }),
    byKey: createIdLoader(finding(options.findByKeys, keyOf, () => loaders.byId, idOf), { missing: null, canonical: (key) => key }),
  };
  return loaders;
}

/** One page of an entity's list: the entity's id and the page arguments (size, cursor, filters). */
export interface PageKey<P> {
  id: string;
  page: P;
}

/**
 * A per-request loader of one page of a list field per entity (`Customer.events`, a ledger): the
 * entities asked for with the same page arguments share one `load`, which answers each entity's
 * rows by its canonical id (an entity without rows answers an empty page).
 */
export function createPagedLoader<P, V>(
  load: (ids: string[], page: P) => Promise<ReadonlyMap<string, V[]>>,
  options: { canonical?: CanonicalId } = {},
): DataLoader<PageKey<P>, V[], string> {
  const canonical = options.canonical ?? canonicalUuid;
  const pageKey = (page: P) => JSON.stringify(page);
  return new DataLoader(
    async (keys) => {
      const groups = new Map<string, { page: P; ids: Set<string> }>();
      for (const { id, page } of keys) {
        const valid = canonical(id);
        if (valid === null) continue;
        const group = groups.get(pageKey(page)) ?? { page, ids: new Set<string>() };
        group.ids.add(valid);
        groups.set(pageKey(page), group);
      }
      const pages = new Map<string, ReadonlyMap<string, V[]>>();
      await Promise.all([...groups].map(async ([key, group]) => pages.set(key, await load([...group.ids], group.page))));
      return keys.map(({ id, page }) => pages.get(pageKey(page))?.get(canonical(id) ?? '') ?? []);
    },
    { cacheKeyFn: ({ id, page }) => `${id}:${pageKey(page)}` },
  );
}
