/**
 * The common 11-segment RFM map. Segment names and meanings follow Putler's "RFM Analysis For
 * Successful Customer Segmentation" (putler.com/rfm-analysis). Putler's score ranges overlap, so
 * the cells follow the widely reproduced R-score × F-score 5×5 grid (the `seg_map` of many RFM
 * notebooks: `[1-2][1-2]` hibernating, `[1-2][3-4]` at risk, `[1-2]5` can't lose, `3[1-2]` about
 * to sleep, `33` need attention, `[3-4][4-5]` loyal, `41` promising, `51` new, `[4-5][2-3]`
 * potential loyalists, `5[4-5]` champions), with two choices of ours:
 *   - the second axis is FM = the mean of F and M rounded half up ((4+5)/2 = 4.5 -> 5), so spend
 *     counts as well as frequency;
 *   - the grid's hibernating block is split: R = 1 is LOST, R = 2 is HIBERNATING.
 *
 *   segment               R      FM          grid (rows FM 5..1, columns R 1..5)
 *   CHAMPIONS             5      4-5         FM 5  CL CL LC LC CH
 *   LOYAL_CUSTOMERS       3-4    4-5         FM 4  AR AR LC LC CH
 *   POTENTIAL_LOYALISTS   4-5    2-3         FM 3  AR AR NA PL PL
 *   NEW_CUSTOMERS         5      1           FM 2  LO HI AS PL PL
 *   PROMISING             4      1           FM 1  LO HI AS PR NC
 *   NEED_ATTENTION        3      3
 *   ABOUT_TO_SLEEP        3      1-2
 *   AT_RISK               1-2    3-4
 *   CANNOT_LOSE_THEM      1-2    5
 *   HIBERNATING           2      1-2
 *   LOST                  1      1-2
 *
 * Every (R, FM) cell belongs to exactly one rule, so the rules can be applied in any order.
 */
export const RFM_SEGMENTS = [
  'CHAMPIONS',
  'LOYAL_CUSTOMERS',
  'POTENTIAL_LOYALISTS',
  'NEW_CUSTOMERS',
  'PROMISING',
  'NEED_ATTENTION',
  'ABOUT_TO_SLEEP',
  'AT_RISK',
  'CANNOT_LOSE_THEM',
  'HIBERNATING',
  'LOST',
] as const;
export type RfmSegment = (typeof RFM_SEGMENTS)[number];

/** Inclusive score ranges [min, max]. */
export interface RfmSegmentRule {
  segment: RfmSegment;
  r: readonly [number, number];
  fm: readonly [number, number];
}

export const RFM_SEGMENT_RULES: readonly RfmSegmentRule[] = Object.freeze([
  { segment: 'CHAMPIONS', r: [5, 5], fm: [4, 5] },
  { segment: 'LOYAL_CUSTOMERS', r: [3, 4], fm: [4, 5] },
  { segment: 'POTENTIAL_LOYALISTS', r: [4, 5], fm: [2, 3] },
  { segment: 'NEW_CUSTOMERS', r: [5, 5], fm: [1, 1] },
  { segment: 'PROMISING', r: [4, 4], fm: [1, 1] },
  { segment: 'NEED_ATTENTION', r: [3, 3], fm: [3, 3] },
  { segment: 'ABOUT_TO_SLEEP', r: [3, 3], fm: [1, 2] },
  { segment: 'AT_RISK', r: [1, 2], fm: [3, 4] },
  { segment: 'CANNOT_LOSE_THEM', r: [1, 2], fm: [5, 5] },
  { segment: 'HIBERNATING', r: [2, 2], fm: [1, 2] },
  { segment: 'LOST', r: [1, 1], fm: [1, 2] },
] as const);

/** The mean of F and M, rounded half up: ceil((f + m) / 2) for whole scores. */
export function fmScore(f: number, m: number): number {
  return Math.ceil((score('f', f) + score('m', m)) / 2);
}

export function rfmSegment(r: number, f: number, m: number): RfmSegment {
  score('r', r);
  const fm = fmScore(f, m);
  const rule = RFM_SEGMENT_RULES.find((x) => within(r, x.r) && within(fm, x.fm));
  if (!rule) throw new Error(`no RFM segment covers r=${r}, fm=${fm}`);
  return rule.segment;
}

/**
 * PostgreSQL CASE for rfmSegment() over score expressions (1-5 integers). FM in [a, b] is written
 * as f + m between 2a - 1 and 2b, which is exact for the half-up mean and needs no division. A
 * NULL score (an unscored customer) matches no rule and yields NULL.
 */
export function rfmSegmentSql(rExpr: string, fExpr: string, mExpr: string): string {
  const whens = RFM_SEGMENT_RULES.map(
    (rule) =>
      `  WHEN (${rExpr}) BETWEEN ${rule.r[0]} AND ${rule.r[1]} AND (${fExpr}) + (${mExpr}) BETWEEN ${2 * rule.fm[0] - 1} AND ${2 * rule.fm[1]} THEN '${rule.segment}'`,
  );
  return ['CASE', ...whens, 'END'].join('\n');
}

function within(value: number, [min, max]: readonly [number, number]): boolean {
  return value >= min && value <= max;
}

function score(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1 || value > 5) throw new RangeError(`${name} must be a whole score from 1 to 5, got ${value}`);
  return value;
}
