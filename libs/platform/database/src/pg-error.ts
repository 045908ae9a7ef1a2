/** PostgreSQL's SQLSTATE for a statement refused by a unique index or constraint. */
const UNIQUE_VIOLATION = '23505';

/** True when `error` is PostgreSQL refusing a statement because a unique index already holds its value. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error as { code: unknown }).code === UNIQUE_VIOLATION;
}
