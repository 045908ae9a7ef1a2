import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { chooseVariation, getBucketRanges, getEqualWeights, hash, inNamespace } from '../index';

/**
 * GrowthBook's cross-SDK conformance vectors (packages/sdk-js/test/cases.json, specVersion 0.8.0,
 * copied unchanged to ../shared/data/growthbook-sdk-cases; see SOURCE.txt there). Every case of the
 * five assignment sections runs; floats are compared to 6 decimals, as the vectors are rounded.
 */
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${__dirname}`);
    dir = parent;
  }
  return dir;
}

type Range = [number, number];
interface Cases {
  hash: [string, string, number, number | null][];
  getBucketRange: [string, [number, number, number[] | null], Range[]][];
  chooseVariation: [string, number, Range[], number][];
  getEqualWeights: [number, number[]][];
  inNamespace: [string, string, [string, number, number], boolean][];
}

const cases = JSON.parse(
  readFileSync(join(repoRoot(), '..', 'shared', 'data', 'growthbook-sdk-cases', 'cases.json'), 'utf8'),
) as Cases;

describe('GrowthBook SDK conformance (cases.json)', () => {
  it('has the section sizes SOURCE.txt lists', () => {
    expect([cases.hash.length, cases.getBucketRange.length, cases.chooseVariation.length, cases.getEqualWeights.length, cases.inNamespace.length]).toEqual([
      15, 13, 13, 6, 16,
    ]);
  });

  describe('hash', () => {
    it.each(cases.hash)('hash(%j, %j, v%d) = %p', (seed, value, version, expected) => {
      const n = hash(seed, value, version);
      if (expected === null) expect(n).toBeNull();
      else expect(n).toBeCloseTo(expected, 6);
    });
  });

  describe('getBucketRange', () => {
    it.each(cases.getBucketRange)('%s', (_name, [numVariations, coverage, weights], expected) => {
      const ranges = getBucketRanges(numVariations, coverage, weights);
      expect(ranges).toHaveLength(expected.length);
      ranges.forEach(([start, end], i) => {
        expect(start).toBeCloseTo((expected[i] as Range)[0], 6);
        expect(end).toBeCloseTo((expected[i] as Range)[1], 6);
      });
    });
  });

  describe('chooseVariation', () => {
    it.each(cases.chooseVariation)('%s', (_name, n, ranges, expected) => {
      expect(chooseVariation(n, ranges)).toBe(expected);
    });
  });

  describe('getEqualWeights', () => {
    it.each(cases.getEqualWeights)('getEqualWeights(%d)', (n, expected) => {
      const weights = getEqualWeights(n);
      expect(weights).toHaveLength(expected.length);
      weights.forEach((w, i) => expect(w).toBeCloseTo(expected[i] as number, 6));
    });
  });

  describe('inNamespace', () => {
    it.each(cases.inNamespace)('%s', (_name, userId, namespace, expected) => {
      expect(inNamespace(userId, namespace)).toBe(expected);
    });
  });
});
