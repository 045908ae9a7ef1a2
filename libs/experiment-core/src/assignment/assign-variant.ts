import { FNV_OFFSET_BASIS, fnv1aUpdate, hashV1, hashV2FromState } from './fnv1a';
import { getBucketRanges } from './bucket-ranges';

export interface WeightedVariant {
  key: string;
  weight: number;
}

export interface AssignmentConfig {
  /** The experiment key; also the seed when `seed` is not given (GrowthBook: `seed || key`). */
  key: string;
  seed?: string | null;
  /** In order: the first is the control. GrowthBook's `variations` + `weights`. */
  variants: readonly WeightedVariant[];
  /** Share of customers in the experiment, 0–1 (clamped as GrowthBook does). Default 1. */
  coverage?: number;
  /** GrowthBook hash version: 2 (default here) or 1. Any other version assigns nobody. */
  hashVersion?: number;
}

export interface AssignVariantInput extends AssignmentConfig {
  customerId: string;
}

/** Assigns one customer id: the variant key, or null when the customer is outside the experiment. */
export type Assigner = (customerId: string) => string | null;

/**
 * Precomputes everything that does not depend on the customer (the seed's FNV-1a state, the bucket
 * ranges as flat arrays), so each call only hashes the id: no allocation on the hot path.
 *
 * Same decisions as GrowthBook's `run` (sdk-js core.ts) for an experiment without targeting:
 *  - fewer than 2 variants: nobody is in the experiment;
 *  - an empty customer id: nobody (GrowthBook skips users without a hash attribute value);
 *  - n = hash(seed || key, customerId, hashVersion); an unknown hash version: nobody;
 *  - the variant is `chooseVariation(n, getBucketRanges(variants.length, coverage, weights))`,
 *    -1 (outside the coverage) meaning not in the experiment.
 */
export function createAssigner(config: AssignmentConfig): Assigner {
  const { key, variants } = config;
  const seed = config.seed || key;
  const version = config.hashVersion ?? 2;
  const count = variants.length;
  if (count < 2 || (version !== 1 && version !== 2)) return () => null;

  const ranges = getBucketRanges(count, config.coverage ?? 1, variants.map((v) => v.weight));
  const starts = new Float64Array(count);
  const ends = new Float64Array(count);
  const keys = variants.map((v) => v.key);
  ranges.forEach(([s, e], i) => {
    starts[i] = s;
    ends[i] = e;
  });
  const seedState = fnv1aUpdate(FNV_OFFSET_BASIS, seed);

  return (customerId: string) => {
    if (!customerId) return null;
    const n = version === 2 ? hashV2FromState(seedState, customerId) : hashV1(customerId, seed);
    for (let i = 0; i < count; i++) {
      if (n >= (starts[i] as number) && n < (ends[i] as number)) return keys[i] as string;
    }
    return null;
  };
}

interface CachedAssigner {
  key: string;
  seed: string | null | undefined;
  coverage: number | undefined;
  hashVersion: number | undefined;
  variantKeys: string[];
  weights: number[];
  assign: Assigner;
}

/** Compiled assigners by the identity of the `variants` array, checked against the input on every hit. */
const cache = new WeakMap<readonly WeightedVariant[], CachedAssigner>();

function stillMatches(c: CachedAssigner, input: AssignVariantInput): boolean {
  if (c.key !== input.key || c.seed !== input.seed || c.coverage !== input.coverage || c.hashVersion !== input.hashVersion) return false;
  const vs = input.variants;
  if (vs.length !== c.variantKeys.length) return false;
  for (let i = 0; i < vs.length; i++) {
    const v = vs[i] as WeightedVariant;
    if (v.key !== c.variantKeys[i] || v.weight !== c.weights[i]) return false;
  }
  return true;
}

/**
 * The variant key GrowthBook would give this customer (see `createAssigner`), or null when the
 * customer falls outside the coverage. Calls that pass the same `variants` array reuse the compiled
 * ranges (verified field by field, so a mutated array is recompiled); for a tight loop over one
 * experiment prefer `createAssigner(config)` once and call the returned function.
 */
export function assignVariant(input: AssignVariantInput): string | null {
  let c = cache.get(input.variants);
  if (c === undefined || !stillMatches(c, input)) {
    c = {
      key: input.key,
      seed: input.seed,
      coverage: input.coverage,
      hashVersion: input.hashVersion,
      variantKeys: input.variants.map((v) => v.key),
      weights: input.variants.map((v) => v.weight),
      assign: createAssigner(input),
    };
    cache.set(input.variants, c);
  }
  return c.assign(input.customerId);
}
