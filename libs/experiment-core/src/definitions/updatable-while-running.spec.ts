import { updatableWhileRunning, validateExperimentDefinition, type ExperimentDefinition } from '../index';

function definition(overrides: Record<string, unknown> = {}): ExperimentDefinition {
  const result = validateExperimentDefinition({
    key: 'coupon-vs-points',
    name: 'Coupon or double points',
    hypothesis: 'A 20 no-threshold coupon brings back more dormant customers than double points',
    variants: [
      { key: 'coupon', weight: 0.5 },
      { key: 'points', weight: 0.5 },
    ],
    coverage: 0.8,
    primaryMetric: { key: 'reactivated', kind: 'BINOMIAL', event: 'ANY_ACTIVITY' },
    conversionWindow: { value: 7, unit: 'DAYS' },
    status: 'RUNNING',
    ...overrides,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.definition;
}

describe('updatableWhileRunning', () => {
  it('lets name, hypothesis, guardrails, the MDE and variant names change while RUNNING', () => {
    const current = definition();
    const result = updatableWhileRunning(current, {
      name: 'Coupon vs points',
      hypothesis: 'Coupons win',
      guardrailMetrics: [{ key: 'revenue', kind: 'REVENUE', event: 'ORDER_PLACED' }],
      minimumDetectableEffect: 0.1,
      variants: [
        { key: 'coupon', name: '20 coupon', weight: 0.5 },
        { key: 'points', name: 'Double points', weight: 0.5 },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.definition.name).toBe('Coupon vs points');
      expect(result.definition.variants.map((v) => v.name)).toEqual(['20 coupon', 'Double points']);
      expect(result.definition.seed).toBe('coupon-vs-points');
    }
  });

  it('rejects each frozen field with its name while RUNNING', () => {
    const result = updatableWhileRunning(definition(), {
      key: 'other-key',
      seed: 'new-seed',
      coverage: 1,
      variants: [
        { key: 'coupon', weight: 0.6 },
        { key: 'points2', weight: 0.4 },
      ],
      primaryMetric: { key: 'orders', kind: 'COUNT', event: 'ORDER_PLACED' },
      conversionWindow: { value: 14, unit: 'DAYS' },
    });
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual([
      'key',
      'seed',
      'coverage',
      'variants[0].weight',
      'variants[1].key',
      'variants[1].weight',
      'primaryMetric',
      'conversionWindow',
    ]);
    expect(result.ok ? null : result.issues[0]?.message).toBe('cannot change while the experiment is RUNNING: stop it and start a new experiment');
  });

  it('rejects adding a variant and changing status; treats STOPPED like RUNNING', () => {
    const stopped = definition({ status: 'STOPPED' });
    const result = updatableWhileRunning(stopped, {
      status: 'RUNNING',
      variants: [
        { key: 'coupon', weight: 0.4 },
        { key: 'points', weight: 0.3 },
        { key: 'both', weight: 0.3 },
      ],
    });
    expect(result.ok ? [] : result.issues.map((i) => i.field)).toEqual(['status', 'variants']);
  });

  it('accepts a patch that restates current values', () => {
    const current = definition();
    expect(updatableWhileRunning(current, { coverage: 0.8, seed: 'coupon-vs-points', conversionWindow: { value: 7, unit: 'DAYS' } }).ok).toBe(true);
  });

  it('lets a DRAFT change anything, the defaulted seed following the key', () => {
    const draft = definition({ status: 'DRAFT' });
    const result = updatableWhileRunning(draft, {
      key: 'coupon-vs-points-v2',
      coverage: 1,
      variants: [
        { key: 'a', weight: 0.2 },
        { key: 'b', weight: 0.8 },
      ],
    });
    expect(result.ok && { key: result.definition.key, seed: result.definition.seed, coverage: result.definition.coverage }).toEqual({
      key: 'coupon-vs-points-v2',
      seed: 'coupon-vs-points-v2',
      coverage: 1,
    });
    const explicitSeed = updatableWhileRunning(definition({ status: 'DRAFT', seed: 'kept' }), { key: 'renamed' });
    expect(explicitSeed.ok && explicitSeed.definition.seed).toBe('kept');
  });

  it('validates the merged definition', () => {
    expect(updatableWhileRunning(definition({ status: 'DRAFT' }), { coverage: 2 })).toEqual({
      ok: false,
      issues: [{ field: 'coverage', message: 'must be between 0 and 1' }],
    });
  });
});
