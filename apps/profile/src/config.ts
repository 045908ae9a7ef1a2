import { z } from 'zod';
import { loadConfig, serviceEnvShape } from '@rekindle/platform-config';

/** The profile service's environment (documented in the README's table). */
export const envSchema = z.object({
  ...serviceEnvShape('profile', 4001),
  CUSTOMER_COUNT_CACHE_SECONDS: z.coerce.number().int().min(0).default(10),
});

export type ProfileConfig = z.infer<typeof envSchema>;

export const loadProfileConfig = (env: NodeJS.ProcessEnv = process.env): ProfileConfig => loadConfig(envSchema, env);
