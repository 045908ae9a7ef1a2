import { z } from 'zod';

/** Exact money on the bus: a decimal string, never a float (DESIGN.md §4). */
export const moneyString = z.string().regex(/^-?\d+(\.\d+)?$/, 'must be a decimal string');
