import { assignVariant, createAssigner, fnv1a32, getBucketRanges, chooseVariation } from '../index';
import { fnv1a32OfDecimal } from './fnv1a';

/** GrowthBook's hash written the obvious way (string concatenation, String(), the shift multiply), to check the allocation-free one. */
function referenceFnv(str: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < str.length; i++) {
    h ^= str.charCodeAt(i);
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}
const referenceV2 = (seed: string, value: string) => (referenceFnv(String(referenceFnv(seed + value))) % 10000) / 10000;

const variants = [
  { key: 'control', weight: 0.5 },
  { key: 'sms', weight: 0.5 },
];

describe('fnv1a32', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    // http://www.isthe.com/chongo/tech/comp/fnv/ test suite: "" -> 0x811c9dc5, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('hashes decimal strings without building them', () => {
    for (const u of [0, 1, 9, 10, 99, 100, 1_000_000_000, 4_294_967_295, 2_147_483_648]) expect(fnv1a32OfDecimal(u)).toBe(referenceFnv(String(u)));
    for (let i = 0; i < 2_000; i++) {
      const u = referenceFnv(`x${i}`);
      expect(fnv1a32OfDecimal(u)).toBe(referenceFnv(String(u)));
    }
  });
});

describe('assignVariant', () => {
  it('gives the variant of GrowthBook hash v2 and bucket ranges, for the key as seed', () => {
    const ranges = getBucketRanges(3, 0.8, [0.2, 0.3, 0.5]);
    const three = [
      { key: 'a', weight: 0.2 },
      { key: 'b', weight: 0.3 },
      { key: 'c', weight: 0.5 },
    ];
    for (let i = 0; i < 5_000; i++) {
      const customerId = `customer-${i}`;
      const index = chooseVariation(referenceV2('exp-1', customerId), ranges);
      expect(assignVariant({ key: 'exp-1', customerId, variants: three, coverage: 0.8 })).toBe(index < 0 ? null : three[index]?.key);
    }
  });

  it('hand-checked against the conformance vector hash("seed", "a", 2) = 0.0505', () => {
    // 0.0505 < 0.5: the first band of a 50/50 split; with coverage 0.1 the first band is [0, 0.05): outside.
    expect(assignVariant({ key: 'k', seed: 'seed', customerId: 'a', variants, coverage: 1 })).toBe('control');
    expect(assignVariant({ key: 'k', seed: 'seed', customerId: 'a', variants, coverage: 0.1 })).toBeNull();
    // hash("seed", "b", 2) = 0.2696: coverage 0.6 makes the bands [0, 0.3) and [0.5, 0.8), so control;
    // coverage 0.5 makes them [0, 0.25) and [0.5, 0.75), so outside.
    expect(assignVariant({ key: 'k', seed: 'seed', customerId: 'b', variants, coverage: 0.6 })).toBe('control');
    expect(assignVariant({ key: 'k', seed: 'seed', customerId: 'b', variants, coverage: 0.5 })).toBeNull();
  });

  it('supports hash version 1 and assigns nobody for an unknown version', () => {
    // hash("b", "a", 1) = 0.946 (cases.json): the second half.
    expect(assignVariant({ key: 'k', seed: 'b', customerId: 'a', variants, hashVersion: 1 })).toBe('sms');
    expect(assignVariant({ key: 'k', seed: 'b', customerId: 'a', variants, hashVersion: 99 })).toBeNull();
  });

  it('assigns nobody with fewer than two variants or an empty id, like GrowthBook', () => {
    expect(assignVariant({ key: 'k', customerId: 'c1', variants: [{ key: 'only', weight: 1 }] })).toBeNull();
    expect(assignVariant({ key: 'k', customerId: '', variants })).toBeNull();
  });

  it('is deterministic and splits by weight', () => {
    const assign = createAssigner({ key: 'split', variants: [{ key: 'a', weight: 0.2 }, { key: 'b', weight: 0.8 }] });
    let a = 0;
    const total = 100_000;
    for (let i = 0; i < total; i++) if (assign(String(i)) === 'a') a++;
    // Binomial(100000, 0.2): sd = sqrt(100000 * 0.2 * 0.8) = 126.5; allow 5 sd.
    expect(Math.abs(a - 20_000)).toBeLessThan(5 * 126.5);
    expect(assign('42')).toBe(assign('42'));
  });

  it('moves nobody already in when coverage rises (bands grow at their ends)', () => {
    const low = createAssigner({ key: 'grow', variants, coverage: 0.3 });
    const high = createAssigner({ key: 'grow', variants, coverage: 0.9 });
    for (let i = 0; i < 10_000; i++) {
      const before = low(`c${i}`);
      if (before !== null) expect(high(`c${i}`)).toBe(before);
    }
  });

  it('falls back to equal weights as GrowthBook does when weights do not sum to about 1', () => {
    const bad = [
      { key: 'a', weight: 0.7 },
      { key: 'b', weight: 0.6 },
    ];
    const equal = createAssigner({ key: 'w', variants });
    for (let i = 0; i < 1_000; i++) expect(assignVariant({ key: 'w', customerId: `c${i}`, variants: bad }) === 'a').toBe(equal(`c${i}`) === 'control');
  });

  it('recompiles when the same variants array is changed in place', () => {
    const vs = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 0 },
    ];
    expect(assignVariant({ key: 'm', customerId: 'c1', variants: vs })).toBe('a');
    vs[0] = { key: 'a', weight: 0 };
    vs[1] = { key: 'b', weight: 1 };
    expect(assignVariant({ key: 'm', customerId: 'c1', variants: vs })).toBe('b');
  });
});
