import {
  DAY_MS,
  DEFAULT_LIFECYCLE_THRESHOLDS,
  daysInactiveSql,
  lifecycleStage,
  lifecycleStageSql,
  lifecycleThresholdsSchema,
  type LifecycleFacts,
  type LifecycleThresholds,
} from '../index';

const columns = {
  now: '$1::timestamptz',
  lastActivityAt: 'c.last_activity_at',
  firstActivityAt: 'c.first_activity_at',
  signedUpAt: 'c.signed_up_at',
  firstSeenAt: 'c.created_at',
  reactivatedAt: 'c.reactivated_at',
};

/**
 * Runs the generated CASE in JavaScript over epoch seconds, so the text is checked against
 * lifecycleStage() here; the app checks the same text against PostgreSQL.
 */
function evaluate(sql: string, facts: LifecycleFacts): string {
  const seconds = (d: Date | null) => (d === null ? 'null' : String(d.getTime() / 1000));
  const js = sql
    .replace(/\$1::timestamptz/g, seconds(facts.now))
    .replace(/c\.last_activity_at/g, seconds(facts.lastActivityAt))
    .replace(/c\.first_activity_at/g, seconds(facts.firstActivityAt))
    .replace(/c\.signed_up_at/g, seconds(facts.signedUpAt))
    .replace(/c\.created_at/g, seconds(facts.firstSeenAt))
    .replace(/c\.reactivated_at/g, seconds(facts.reactivatedAt))
    .replace(/extract\(epoch from /g, '(')
    .replace(/floor\(/g, 'Math.floor(')
    .replace(/GREATEST\(/g, 'Math.max(')
    .replace(/LEAST\(/g, 'least(')
    .replace(/COALESCE\(/g, 'coalesce(')
    .replace(/ IS NOT NULL/g, ' !== null')
    .replace(/ AND /g, ' && ')
    .replace(/^CASE$|^END$/gm, '')
    .replace(/^\s*WHEN (.*) THEN ('\w+')$/gm, '$1 ? $2 :')
    .replace(/^\s*ELSE ('\w+')$/gm, '$1');
  const least = (...xs: (number | null)[]) => Math.min(...xs.filter((x): x is number => x !== null));
  const coalesce = (...xs: (number | null)[]) => xs.find((x) => x !== null) ?? null;
  return new Function('least', 'coalesce', `return ${js};`)(least, coalesce) as string;
}

describe('lifecycleStageSql', () => {
  it('writes each default threshold into the CASE, in precedence order', () => {
    const sql = lifecycleStageSql(columns, DEFAULT_LIFECYCLE_THRESHOLDS);
    const whens = sql.split('\n').filter((line) => line.trim().startsWith('WHEN') || line.trim().startsWith('ELSE'));
    expect(whens.map((line) => line.replace(/^.* < (\d+) THEN '(\w+)'$/, '$1 $2').replace(/^\s*ELSE '(\w+)'$/, 'else $1'))).toEqual([
      '30 NEW',
      '30 REACTIVATED',
      '30 ACTIVE',
      '90 EARLY_DORMANT',
      '180 DORMANT',
      '365 DEEP_DORMANT',
      'else SILENT',
    ]);
    expect(sql).toContain('LEAST(c.first_activity_at, c.signed_up_at, c.created_at)');
    expect(sql).toContain('COALESCE(c.last_activity_at, c.signed_up_at, c.created_at)');
  });

  it('writes configured thresholds', () => {
    const t = lifecycleThresholdsSchema.parse({
      earlyDormantDays: 7,
      dormantDays: 14,
      deepDormantDays: 21,
      silentDays: 28,
      newWindowDays: 3,
      reactivationGapDays: 10,
      reactivatedWindowDays: 5,
    });
    const sql = lifecycleStageSql(columns, t);
    for (const [n, stage] of [[3, 'NEW'], [5, 'REACTIVATED'], [7, 'ACTIVE'], [14, 'EARLY_DORMANT'], [21, 'DORMANT'], [28, 'DEEP_DORMANT']]) {
      expect(sql).toMatch(new RegExp(`< ${n} THEN '${stage}'`));
    }
  });

  it('refuses thresholds that did not come through the schema', () => {
    const injected = { ...DEFAULT_LIFECYCLE_THRESHOLDS, silentDays: '365 THEN 1 END; DROP TABLE customers; --' } as unknown as LifecycleThresholds;
    expect(() => lifecycleStageSql(columns, injected)).toThrow();
    expect(() => lifecycleStageSql(columns, { ...DEFAULT_LIFECYCLE_THRESHOLDS, dormantDays: 20 })).toThrow();
  });

  it('agrees with lifecycleStage on every boundary', () => {
    const now = new Date('2011-12-10T12:00:00Z');
    const ago = (days: number, extraMs = 0) => new Date(now.getTime() - days * DAY_MS - extraMs);
    const old = ago(2000);
    const cases: LifecycleFacts[] = [];
    for (const days of [0, 29, 30, 89, 90, 179, 180, 364, 365, 900]) {
      for (const extraMs of [0, DAY_MS - 1]) {
        const base = { now, firstActivityAt: old, signedUpAt: null, firstSeenAt: old, reactivatedAt: null };
        cases.push({ ...base, lastActivityAt: ago(days, extraMs) });
        cases.push({ ...base, lastActivityAt: ago(days, extraMs), reactivatedAt: ago(days, extraMs) });
        cases.push({ ...base, lastActivityAt: ago(0), firstActivityAt: ago(days, extraMs), firstSeenAt: ago(days, extraMs) });
        cases.push({ ...base, lastActivityAt: null, firstActivityAt: null, signedUpAt: ago(days, extraMs), firstSeenAt: ago(1) });
        cases.push({ ...base, lastActivityAt: null, firstActivityAt: null, firstSeenAt: ago(days, extraMs) });
      }
    }
    const sql = lifecycleStageSql(columns, DEFAULT_LIFECYCLE_THRESHOLDS);
    const stages = new Set<string>();
    for (const facts of cases) {
      const expected = lifecycleStage(facts);
      stages.add(expected);
      expect({ facts, stage: evaluate(sql, facts) }).toEqual({ facts, stage: expected });
    }
    expect(stages.size).toBe(7);
  });
});

describe('daysInactiveSql', () => {
  it('falls back to signup then first seen and never goes below 0', () => {
    expect(daysInactiveSql(columns)).toBe(
      'GREATEST(0, floor((extract(epoch from ($1::timestamptz)) - extract(epoch from (COALESCE(c.last_activity_at, c.signed_up_at, c.created_at)))) / 86400))',
    );
  });
});
