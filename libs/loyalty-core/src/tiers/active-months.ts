import { addMonths, monthOf, monthStart, type Month } from '../time/months';

/** The UTC calendar months ('YYYY-MM') that hold at least one of the given activities. */
export function activeMonths(activityDates: Iterable<Date>): Set<Month> {
  const months = new Set<Month>();
  for (const date of activityDates) months.add(monthOf(date));
  return months;
}

/** Consecutive active months ending with (and including) `month`; 0 when `month` itself is inactive. */
export function consecutiveActiveMonths(active: ReadonlySet<Month>, month: Month): number {
  let count = 0;
  while (count <= active.size && active.has(addMonths(month, -count))) count++;
  return count;
}

/**
 * Consecutive inactive months ending with (and including) `month`, counting only whole months spent
 * in the current tier: months that start at or after `tierSince`. A tier reached at the end of March
 * (tierSince = 1 April 00:00 UTC) counts April onwards, so a demotion resets the count and the next
 * demotion needs the full number of inactive months again.
 */
export function inactiveMonthsInTier(active: ReadonlySet<Month>, month: Month, tierSince: Date): number {
  let count = 0;
  for (let m = month; !active.has(m) && monthStart(m) >= tierSince; m = addMonths(m, -1)) count++;
  return count;
}
