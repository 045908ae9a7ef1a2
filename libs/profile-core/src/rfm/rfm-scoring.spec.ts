import { rfmScoreSql, rfmWindowSchema } from '../index';

describe('rfmWindowSchema', () => {
  it('defaults to 365 days and reads strings', () => {
    expect(rfmWindowSchema.parse({})).toEqual({ days: 365 });
    expect(rfmWindowSchema.parse({ days: '90' })).toEqual({ days: 90 });
    expect(rfmWindowSchema.parse({ days: 1 })).toEqual({ days: 1 });
  });

  it.each([0, -1, 30.5, 'a year', 3651])('refuses %p', (days) => {
    expect(rfmWindowSchema.safeParse({ days }).success).toBe(false);
  });

  it('refuses unknown settings', () => {
    expect(rfmWindowSchema.safeParse({ days: 30, weeks: 4 }).success).toBe(false);
  });
});

describe('rfmScoreSql', () => {
  it('scores higher values higher for frequency and monetary', () => {
    expect(rfmScoreSql('a.frequency', 'HIGHER')).toBe('LEAST(5, 1 + floor(5 * percent_rank() OVER (ORDER BY (a.frequency) ASC)))::int');
  });

  it('scores fewer days higher for recency', () => {
    expect(rfmScoreSql('a.recency_days', 'LOWER')).toBe('LEAST(5, 1 + floor(5 * percent_rank() OVER (ORDER BY (a.recency_days) DESC)))::int');
  });
});
