import { z } from 'zod';
import { DECIMAL_PATTERN } from '@rekindle/util';

/** Exact money on the bus: a decimal string, never a float (DESIGN.md §4). */
export const moneyString = z.string().regex(DECIMAL_PATTERN, 'must be a decimal string');
