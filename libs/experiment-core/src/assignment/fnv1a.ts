/**
 * FNV-1a, 32 bits, exactly as GrowthBook's JavaScript SDK hashes (packages/sdk-js/src/util.ts,
 * `hashFnv32a`): offset basis 0x811c9dc5, for each UTF-16 code unit `h = (h ^ unit) * 16777619 mod 2^32`.
 * GrowthBook writes the multiply as shifts (`h += (h<<1)+(h<<4)+(h<<7)+(h<<8)+(h<<24)`, i.e. × (2^24 + 2^8 + 0x93));
 * `Math.imul` is the same product mod 2^32 in one instruction. The algorithm: Fowler, Noll, Vo,
 * http://www.isthe.com/chongo/tech/comp/fnv/ (FNV prime 16777619, offset basis 2166136261).
 *
 * Everything here loops over `charCodeAt` and keeps no intermediate strings, so hashing allocates nothing.
 * Note: the JS SDK hashes UTF-16 code units; SDKs that hash code points (some other languages) only
 * differ on ids with characters outside the Basic Multilingual Plane.
 */

export const FNV_OFFSET_BASIS = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Continues an FNV-1a state over `str`; returns the state as an int32 (`>>> 0` gives the uint32). */
export function fnv1aUpdate(state: number, str: string): number {
  let h = state | 0;
  for (let i = 0, l = str.length; i < l; i++) h = Math.imul(h ^ str.charCodeAt(i), FNV_PRIME);
  return h;
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as an unsigned integer. */
export function fnv1a32(str: string): number {
  return fnv1aUpdate(FNV_OFFSET_BASIS, str) >>> 0;
}

const POWERS_OF_TEN = [1e9, 1e8, 1e7, 1e6, 1e5, 1e4, 1e3, 100, 10, 1];

/**
 * FNV-1a of `String(u)` for a uint32 `u`, without building the string: feeds the decimal digits
 * (char codes 48..57), most significant first, with no leading zeros ("0" for zero). `floor(rest / p)`
 * is exact: rest < 10·p < 2^53 are integers and a quotient m + r/p (r < p ≤ 1e9) stays more than
 * 1e-9 below m + 1, far more than a double's rounding step near 10.
 */
export function fnv1a32OfDecimal(u: number): number {
  let h = FNV_OFFSET_BASIS | 0;
  let i = 0;
  while (i < 9 && (POWERS_OF_TEN[i] as number) > u) i++;
  let rest = u;
  for (; i < 10; i++) {
    const p = POWERS_OF_TEN[i] as number;
    const digit = Math.floor(rest / p);
    rest -= digit * p;
    h = Math.imul(h ^ (48 + digit), FNV_PRIME);
  }
  return h >>> 0;
}

/**
 * GrowthBook's `hash(seed, value, version)` (sdk-js util.ts), a number in [0, 1) or null:
 *  - version 2 (unbiased): `(fnv1a32(String(fnv1a32(seed + value))) % 10000) / 10000`
 *  - version 1 (original, biased, kept for compatibility): `(fnv1a32(value + seed) % 1000) / 1000`
 *  - any other version: null (GrowthBook: "Unknown hash version").
 */
export function hash(seed: string, value: string, version: number): number | null {
  if (version === 2) return hashV2FromState(fnv1aUpdate(FNV_OFFSET_BASIS, seed), value);
  if (version === 1) return hashV1(value, seed);
  return null;
}

/** Version 2 with the seed already hashed into `seedState` (see `fnv1aUpdate`): the hot path. */
export function hashV2FromState(seedState: number, value: string): number {
  const inner = fnv1aUpdate(seedState, value) >>> 0;
  return (fnv1a32OfDecimal(inner) % 10000) / 10000;
}

/** Version 1: FNV-1a over `value` then `seed` (that order), modulo 1000. */
export function hashV1(value: string, seed: string): number {
  return ((fnv1aUpdate(fnv1aUpdate(FNV_OFFSET_BASIS, value), seed) >>> 0) % 1000) / 1000;
}
