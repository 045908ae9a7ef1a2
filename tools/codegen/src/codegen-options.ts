import { existsSync, readFileSync } from 'node:fs';
import { z } from 'zod';

/**
 * An app's optional `src/codegen.json`. Paths are as the generated file imports them, i.e. relative
 * to `src/generated/`: `{ "contextType": "../context#ProfileContext" }`.
 */
const codegenOptionsSchema = z
  .object({
    contextType: z.string().regex(/^[^#]+#[A-Za-z_]\w*$/, 'must be "<module path>#<TypeName>"').optional(),
    mappers: z.record(z.string(), z.string().regex(/^[^#]+#[A-Za-z_]\w*$/, 'must be "<module path>#<TypeName>"')).optional(),
  })
  .strict();

export type CodegenOptions = z.infer<typeof codegenOptionsSchema>;

/** Reads and validates an app's codegen.json; an absent file means no options. */
export function readCodegenOptions(file: string): CodegenOptions {
  if (!existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new Error(`${file}: not valid JSON`, { cause });
  }
  const result = codegenOptionsSchema.safeParse(json);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${file}: ${issues.join('; ')}`);
  }
  return result.data;
}
