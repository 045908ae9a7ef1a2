import { createEntityLoaders, createIdLoader, createPagedLoader } from './loaders';

const A = '0f8fad5b-d9cb-469f-a165-70867728950e';
const B = '7c9e6679-7425-40de-944e-07fc1f90ae7b';

describe('createIdLoader', () => {
  it('loads the distinct canonical ids of a tick at once and answers missing for the rest', async () => {
    const calls: string[][] = [];
    const loader = createIdLoader(
      async (ids) => {
        calls.push(ids);
        return new Map(ids.filter((id) => id === A).map((id) => [id, `found ${id}`]));
      },
      { missing: null },
    );
    const values = await Promise.all([loader.load(A), loader.load(A.toUpperCase()), loader.load(B), loader.load('not-an-id')]);
    expect(values).toEqual([`found ${A}`, `found ${A}`, null, null]);
    expect(calls).toEqual([[A, B]]);
  });

  it('never calls load when no id can exist, and takes other key forms when told', async () => {
    const load = jest.fn(async (keys: string[]) => new Map(keys.map((k) => [k, k.length])));
    expect(await createIdLoader(load, { missing: 0 }).load('x')).toBe(0);
    expect(load).not.toHaveBeenCalled();
    expect(await createIdLoader(load, { missing: 0, canonical: (key) => key }).load('key-1')).toBe(5);
  });
});

describe('createPagedLoader', () => {
  it('shares one load among the ids asked for with the same page arguments', async () => {
    const calls: [string[], { size: number }][] = [];
    const loader = createPagedLoader(async (ids: string[], page: { size: number }) => {
      calls.push([ids, page]);
      return new Map(ids.map((id) => [id, Array.from({ length: page.size }, (_, i) => `${id.slice(0, 1)}${i}`)]));
    });
    const pages = await Promise.all([
      loader.load({ id: A, page: { size: 1 } }),
      loader.load({ id: B.toUpperCase(), page: { size: 1 } }),
      loader.load({ id: A, page: { size: 2 } }),
      loader.load({ id: 'nope', page: { size: 2 } }),
    ]);
    expect(pages).toEqual([['00'], ['70'], ['00', '01'], []]);
    expect(calls).toEqual([
      [[A, B], { size: 1 }],
      [[A], { size: 2 }],
    ]);
  });
});

describe('createEntityLoaders', () => {
  it('loads by id and by key, each priming the other', async () => {
    const entities = [{ id: A, key: 'alpha' }, { id: B, key: 'beta' }];
    const findByIds = jest.fn(async (ids: string[]) => entities.filter((e) => ids.includes(e.id)));
    const findByKeys = jest.fn(async (keys: string[]) => entities.filter((e) => keys.includes(e.key)));
    const { byId, byKey } = createEntityLoaders({ findByIds, findByKeys, idOf: (e) => e.id, keyOf: (e) => e.key });
    expect(await byId.load(A.toUpperCase())).toEqual(entities[0]);
    expect(await byKey.load('alpha')).toEqual(entities[0]);
    expect(await byKey.load('beta')).toEqual(entities[1]);
    expect(await byId.load(B)).toEqual(entities[1]);
    expect(await byKey.load('gamma')).toBeNull();
    expect(findByIds).toHaveBeenCalledTimes(1);
    expect(findByKeys).toHaveBeenCalledTimes(2);
  });
});
