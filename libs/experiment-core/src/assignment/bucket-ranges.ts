import { hashV1 } from './fnv1a';

/** A half-open interval [start, end) of the hash space [0, 1). */
export type BucketRange = readonly [start: number, end: number];

/** GrowthBook's `getEqualWeights(n)` (sdk-js util.ts): n weights of 1/n; none when n ≤ 0. */
export function getEqualWeights(n: number): number[] {
  if (!(n > 0)) return [];
  return new Array<number>(n).fill(1 / n);
}

/**
 * GrowthBook's `getBucketRanges(numVariations, coverage, weights)` (sdk-js util.ts):
 *  - coverage defaults to 1 and is clamped to [0, 1] (NaN passes through: empty ranges, as in GrowthBook);
 *  - weights that are missing, of the wrong length, or whose sum lies outside [0.99, 1.01] fall
 *    back to equal weights (GrowthBook's tolerance; our definitions require 1 ± 1e-6 anyway);
 *  - variation i owns [c_i, c_i + coverage·w_i) where c_i = w_0 + … + w_{i-1}.
 * Each band starts at its cumulative weight whatever the coverage, so raising coverage only adds
 * customers at the end of each band: nobody already inside moves to another variation.
 */
export function getBucketRanges(numVariations: number, coverage?: number, weights?: readonly number[] | null): [number, number][] {
  // As GrowthBook: a NaN coverage is not clamped, so its ranges are empty and nobody is assigned.
  let cov = coverage ?? 1;
  if (cov < 0) cov = 0;
  else if (cov > 1) cov = 1;

  let w: readonly number[] = weights ?? getEqualWeights(numVariations);
  if (w.length !== numVariations) w = getEqualWeights(numVariations);
  let total = 0;
  for (const x of w) total += x;
  if (!(total >= 0.99 && total <= 1.01)) w = getEqualWeights(numVariations);

  let cumulative = 0;
  return w.map((x) => {
    const start = cumulative;
    cumulative += x;
    return [start, start + cov * x];
  });
}

/** GrowthBook's `inRange`: start inclusive, end exclusive. */
export function inRange(n: number, range: BucketRange): boolean {
  return n >= range[0] && n < range[1];
}

/** GrowthBook's `chooseVariation(n, ranges)`: the index of the first range holding n, else -1. */
export function chooseVariation(n: number, ranges: readonly BucketRange[]): number {
  for (let i = 0; i < ranges.length; i++) if (inRange(n, ranges[i] as BucketRange)) return i;
  return -1;
}

/**
 * GrowthBook's `inNamespace(hashValue, [namespaceId, start, end])` (sdk-js util.ts): the customer's
 * version-1 hash with seed `"__" + namespaceId`, i.e. `(fnv1a32(userId + "__" + namespaceId) % 1000) / 1000`,
 * must lie in [start, end). Namespaces keep mutually exclusive experiments apart.
 */
export function inNamespace(userId: string, namespace: readonly [namespaceId: string, start: number, end: number]): boolean {
  const n = hashV1(userId, `__${namespace[0]}`);
  return n >= namespace[1] && n < namespace[2];
}
