import { z } from 'zod';
import { parseMoney } from '@rekindle/util';

/** An event's money field: a non-negative amount (parseMoney), normalised to its canonical string. */
export const moneySchema = z.unknown().transform((value, ctx) => {
  const parsed = parseMoney(value);
  if (parsed.ok) return parsed.value;
  ctx.addIssue({ code: 'custom', message: parsed.message });
  return z.NEVER;
});
