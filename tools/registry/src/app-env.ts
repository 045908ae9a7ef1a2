import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { WORKSPACE_ROOT } from './workspace';

/**
 * The zod object schema of an app's environment: `envSchema` exported by `apps/<app>/src/config.ts`.
 * Loaded by computed path because static imports of apps are forbidden by the module boundaries.
 */
export function loadEnvSchema(app: string): z.ZodObject {
  const configFile = join(WORKSPACE_ROOT, 'apps', app, 'src', 'config.ts');
  if (!existsSync(configFile)) {
    throw new Error(`apps/${app}/src/config.ts is missing: every app must export \`envSchema\`, a z.object of its environment`);
  }
  const { envSchema } = require(configFile) as { envSchema?: unknown };
  if (!(envSchema instanceof z.ZodObject)) {
    throw new Error(`apps/${app}/src/config.ts must export \`envSchema\`, a zod z.object of its environment`);
  }
  return envSchema;
}

/** The variables without which the schema does not parse: no default, not optional. */
export function requiredVariables(schema: z.ZodObject): string[] {
  return Object.entries(schema.shape)
    .filter(([, field]) => !field.safeParse(undefined).success)
    .map(([name]) => name)
    .sort();
}

/** Why `env` does not satisfy the schema, one line per bad variable; empty when it does. */
export function environmentIssues(schema: z.ZodObject, env: Record<string, string>): string[] {
  const result = schema.safeParse(env);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}
