import type { InputIssue } from '@rekindle/util';
import type { z } from 'zod';
import { loyaltyProgramSchema, type LoyaltyProgram } from './loyalty-program';

export type ProgramValidation = { ok: true; program: LoyaltyProgram } | { ok: false; issues: InputIssue[] };

/** ['tiers', 2, 'multiplier'] -> 'tiers[2].multiplier'. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((field, key) => (typeof key === 'number' ? `${field}[${key}]` : field ? `${field}.${String(key)}` : String(key)), '');
}

function toInputIssues(error: z.ZodError, prefix: string): InputIssue[] {
  const at = (path: readonly PropertyKey[]) => {
    const field = fieldPath(path);
    return prefix ? (field ? `${prefix}.${field}` : prefix) : field || '(programme)';
  };
  return error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: at([...issue.path, key]), message: 'is not a known field' }))
      : [{ field: at(issue.path), message: issue.message }],
  );
}

/**
 * Validates a whole programme (for `updateLoyaltyProgram`): `{ ok: true, program }` or every issue
 * found, each naming its field as a path such as `tiers[2].multiplier`, prefixed with `prefix` when
 * given (e.g. 'input.program'), ready for an InputError (BAD_USER_INPUT). Cross-field rules (tier
 * order, non-decreasing thresholds, duplicate privileges) are checked once every field is valid.
 */
export function validateLoyaltyProgram(input: unknown, prefix = ''): ProgramValidation {
  const parsed = loyaltyProgramSchema.safeParse(input);
  return parsed.success ? { ok: true, program: parsed.data } : { ok: false, issues: toInputIssues(parsed.error, prefix) };
}
