import { validateExperimentDefinition, type ExperimentDefinition } from '@rekindle/experiment-core';
import { canonicalJson, fingerprintOf, metricEventsOf } from './experiment.model';

const definition = (input: Record<string, unknown>): ExperimentDefinition => {
  const result = validateExperimentDefinition(input);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
};

const base = {
  key: 'k',
  name: 'n',
  hypothesis: 'h',
  variants: [
    { key: 'a', weight: 0.5 },
    { key: 'b', weight: 0.5 },
  ],
  primaryMetric: { key: 'ordered', kind: 'BINOMIAL', event: 'ORDER_PLACED' },
  guardrailMetrics: [
    { key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' },
    { key: 'active', kind: 'BINOMIAL', event: 'ANY_ACTIVITY' },
  ],
  conversionWindow: { value: 7, unit: 'DAYS' },
};

describe('experiment model', () => {
  it('serialises objects with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }], u: undefined })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
  });

  it('fingerprints equal definitions equally, whatever was defaulted or the key order', () => {
    const spelled = definition({
      ...base,
      coverage: 1,
      seed: 'k',
      minimumDetectableEffect: 0.05,
      variants: [
        { weight: 0.5, name: 'a', key: 'a' },
        { weight: 0.5, key: 'b', name: 'b' },
      ],
    });
    expect(fingerprintOf(definition(base))).toBe(fingerprintOf(spelled));
    expect(fingerprintOf(definition({ ...base, coverage: 0.9 }))).not.toBe(fingerprintOf(definition(base)));
  });

  it('lists each metric event once', () => {
    expect(metricEventsOf(definition(base))).toEqual(['ORDER_PLACED', 'ANY_ACTIVITY']);
  });
});
