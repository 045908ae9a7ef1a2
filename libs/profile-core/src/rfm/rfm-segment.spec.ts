import { RFM_SEGMENTS, RFM_SEGMENT_RULES, fmScore, rfmSegment, rfmSegmentSql, type RfmSegment } from '../index';

const scores = [1, 2, 3, 4, 5];
const combinations = scores.flatMap((r) => scores.flatMap((f) => scores.map((m) => [r, f, m] as const)));

/** The grid of the comment, rows FM 5..1, columns R 1..5. */
const GRID: Record<string, RfmSegment> = { CL: 'CANNOT_LOSE_THEM', LC: 'LOYAL_CUSTOMERS', CH: 'CHAMPIONS', AR: 'AT_RISK', NA: 'NEED_ATTENTION', PL: 'POTENTIAL_LOYALISTS', LO: 'LOST', HI: 'HIBERNATING', AS: 'ABOUT_TO_SLEEP', PR: 'PROMISING', NC: 'NEW_CUSTOMERS' };
const ROWS = ['CL CL LC LC CH', 'AR AR LC LC CH', 'AR AR NA PL PL', 'LO HI AS PL PL', 'LO HI AS PR NC'];

describe('fmScore', () => {
  it('rounds the mean of F and M half up', () => {
    expect(fmScore(4, 5)).toBe(5);
    expect(fmScore(5, 4)).toBe(5);
    expect(fmScore(1, 2)).toBe(2);
    expect(fmScore(1, 1)).toBe(1);
    expect(fmScore(1, 5)).toBe(3);
    expect(fmScore(2, 5)).toBe(4);
  });
});

describe('rfmSegment', () => {
  it('follows the documented grid', () => {
    ROWS.forEach((row, i) => {
      const fm = 5 - i;
      row.split(' ').forEach((code, j) => {
        const r = j + 1;
        expect({ r, fm, segment: rfmSegment(r, fm, fm) }).toEqual({ r, fm, segment: GRID[code] });
      });
    });
  });

  it.each([
    [5, 5, 5, 'CHAMPIONS'],
    [5, 4, 3, 'CHAMPIONS'],
    [5, 4, 2, 'POTENTIAL_LOYALISTS'],
    [5, 1, 1, 'NEW_CUSTOMERS'],
    [5, 1, 2, 'POTENTIAL_LOYALISTS'],
    [4, 1, 1, 'PROMISING'],
    [3, 5, 1, 'NEED_ATTENTION'],
    [1, 5, 5, 'CANNOT_LOSE_THEM'],
    [2, 5, 4, 'CANNOT_LOSE_THEM'],
    [2, 4, 4, 'AT_RISK'],
    [1, 1, 1, 'LOST'],
    [2, 1, 1, 'HIBERNATING'],
  ] as const)('r=%i f=%i m=%i is %s', (r, f, m, segment) => {
    expect(rfmSegment(r, f, m)).toBe(segment);
  });

  it.each([
    [0, 3, 3],
    [6, 3, 3],
    [3, 0, 3],
    [3, 3, 6],
    [2.5, 3, 3],
    [Number.NaN, 3, 3],
  ])('refuses r=%p f=%p m=%p', (r, f, m) => {
    expect(() => rfmSegment(r, f, m)).toThrow(RangeError);
  });
});

describe('RFM_SEGMENT_RULES', () => {
  it('covers each of the 125 (r, f, m) combinations exactly once and agrees with rfmSegment', () => {
    for (const [r, f, m] of combinations) {
      const fm = fmScore(f, m);
      const matching = RFM_SEGMENT_RULES.filter((x) => r >= x.r[0] && r <= x.r[1] && fm >= x.fm[0] && fm <= x.fm[1]);
      expect({ r, f, m, segments: matching.map((x) => x.segment) }).toEqual({ r, f, m, segments: [rfmSegment(r, f, m)] });
    }
  });

  it('uses every one of the 11 segments', () => {
    expect(new Set(combinations.map(([r, f, m]) => rfmSegment(r, f, m)))).toEqual(new Set(RFM_SEGMENTS));
    expect(RFM_SEGMENTS).toHaveLength(11);
  });
});

describe('rfmSegmentSql', () => {
  const sql = rfmSegmentSql('s.r', 's.f', 's.m');
  const clauses = [...sql.matchAll(/WHEN \(s\.r\) BETWEEN (\d) AND (\d) AND \(s\.f\) \+ \(s\.m\) BETWEEN (\d+) AND (\d+) THEN '(\w+)'/g)].map((x) => ({
    rMin: Number(x[1]),
    rMax: Number(x[2]),
    sumMin: Number(x[3]),
    sumMax: Number(x[4]),
    segment: x[5],
  }));

  it('is one CASE with a WHEN per rule and no ELSE (unscored customers get NULL)', () => {
    expect(sql.startsWith('CASE\n')).toBe(true);
    expect(sql.endsWith('\nEND')).toBe(true);
    expect(sql).not.toContain('ELSE');
    expect(clauses).toHaveLength(RFM_SEGMENT_RULES.length);
  });

  it('matches exactly one WHEN for each of the 125 combinations, the segment rfmSegment gives', () => {
    for (const [r, f, m] of combinations) {
      const hits = clauses.filter((c) => r >= c.rMin && r <= c.rMax && f + m >= c.sumMin && f + m <= c.sumMax);
      expect({ r, f, m, segments: hits.map((c) => c.segment) }).toEqual({ r, f, m, segments: [rfmSegment(r, f, m)] });
    }
  });
});
