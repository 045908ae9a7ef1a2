/** The source of "now" for domain logic. Audit columns (createdAt) use the database clock instead. */
export interface Clock {
  now(): Date;
}

/** The real clock, or a fixed instant when REKINDLE_NOW is set (demos and backtests). */
export function createClock(fixedNow?: string): Clock {
  if (fixedNow === undefined) return { now: () => new Date() };
  const instant = new Date(fixedNow);
  if (Number.isNaN(instant.getTime())) throw new Error(`REKINDLE_NOW is not a timestamp: ${fixedNow}`);
  return { now: () => new Date(instant) };
}
