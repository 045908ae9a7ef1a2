import { z } from 'zod';

const urlWithScheme = (schemes: string[]) =>
  z
    .string()
    .refine((value) => schemes.some((scheme) => value.startsWith(`${scheme}://`)), {
      message: `must be a URL starting with ${schemes.map((s) => `${s}://`).join(' or ')}`,
    });

/** Building blocks for app env schemas, so every app spells a variable the same way. */
export const envFields = {
  databaseUrl: urlWithScheme(['postgres', 'postgresql']),
  natsUrl: z
    .string()
    .min(1)
    .describe('comma-separated list of nats:// servers'),
  redisUrl: urlWithScheme(['redis', 'rediss']).optional(),
  port: (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  now: z.iso.datetime({ offset: true }).optional(),
  identifier: (fallback: string) =>
    z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, 'must be lower-case letters, digits and underscores')
      .default(fallback),
  busPrefix: z
    .string()
    .regex(/^([a-z][a-z0-9_]*)?$/, 'must be empty or lower-case letters, digits and underscores')
    .default(''),
  milliseconds: (fallback: number) => z.coerce.number().int().positive().default(fallback),
};

/**
 * The variables every subgraph reads (DESIGN.md §6). Apps spread this into their own schema and add
 * what is theirs. DB_SCHEMA and BUS_PREFIX exist so tests and side-by-side runs stay isolated.
 */
export function serviceEnvShape(service: string, defaultPort: number) {
  return {
    DATABASE_URL: envFields.databaseUrl,
    DB_SCHEMA: envFields.identifier(service),
    DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
    NATS_URL: envFields.natsUrl,
    BUS_PREFIX: envFields.busPrefix,
    REDIS_URL: envFields.redisUrl,
    PORT: envFields.port(defaultPort),
    LOG_LEVEL: envFields.logLevel,
    REKINDLE_NOW: envFields.now,
    SHUTDOWN_TIMEOUT_MS: envFields.milliseconds(10_000),
    OUTBOX_RETENTION_HOURS: z.coerce.number().int().min(1).default(24),
    INBOX_RETENTION_DAYS: z.coerce.number().int().min(1).default(7),
  };
}
