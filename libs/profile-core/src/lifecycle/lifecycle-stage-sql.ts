import { lifecycleThresholdsSchema, type LifecycleThresholds } from './thresholds';

/** SQL expressions (column names, parameters such as `$1::timestamptz`) the rules are written over. */
export interface LifecycleColumns {
  now: string;
  lastActivityAt: string;
  firstActivityAt: string;
  signedUpAt: string;
  firstSeenAt: string;
  reactivatedAt: string;
}

/** Whole days from `from` to `to`, like elapsedDays: floor((to - from) in seconds / 86400). */
const elapsedDaysSql = (from: string, to: string) => `floor((extract(epoch from (${to})) - extract(epoch from (${from}))) / 86400)`;

/** PostgreSQL for daysInactive(): the same fallbacks, never negative. */
export function daysInactiveSql(columns: Pick<LifecycleColumns, 'now' | 'lastActivityAt' | 'signedUpAt' | 'firstSeenAt'>): string {
  return `GREATEST(0, ${elapsedDaysSql(`COALESCE(${columns.lastActivityAt}, ${columns.signedUpAt}, ${columns.firstSeenAt})`, columns.now)})`;
}

/**
 * PostgreSQL CASE expression computing lifecycleStage() (same precedence, same whole days) for
 * the daily job and for activity updates. Only the thresholds, re-validated here so nothing but
 * integers reaches the text, and the given column expressions go into it. It yields the stage
 * name as text; LEAST ignores NULLs as customerStart() does.
 */
export function lifecycleStageSql(columns: LifecycleColumns, thresholds: LifecycleThresholds): string {
  const t = lifecycleThresholdsSchema.parse(thresholds);
  const start = `LEAST(${columns.firstActivityAt}, ${columns.signedUpAt}, ${columns.firstSeenAt})`;
  const d = daysInactiveSql(columns);
  return [
    'CASE',
    `  WHEN ${elapsedDaysSql(start, columns.now)} < ${t.newWindowDays} THEN 'NEW'`,
    `  WHEN (${columns.reactivatedAt}) IS NOT NULL AND ${elapsedDaysSql(columns.reactivatedAt, columns.now)} < ${t.reactivatedWindowDays} THEN 'REACTIVATED'`,
    `  WHEN ${d} < ${t.earlyDormantDays} THEN 'ACTIVE'`,
    `  WHEN ${d} < ${t.dormantDays} THEN 'EARLY_DORMANT'`,
    `  WHEN ${d} < ${t.deepDormantDays} THEN 'DORMANT'`,
    `  WHEN ${d} < ${t.silentDays} THEN 'DEEP_DORMANT'`,
    `  ELSE 'SILENT'`,
    'END',
  ].join('\n');
}
