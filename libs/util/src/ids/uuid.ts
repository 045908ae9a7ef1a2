import { InputError } from '../errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A UUID in any case (PostgreSQL prints them lower-case; callers may send either). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The canonical, lower-case form of a UUID (the form stored, hashed and compared), or null when `value` is not one. */
export function canonicalUuid(value: string): string | null {
  return UUID.test(value) ? value.toLowerCase() : null;
}

/** canonicalUuid, or BAD_USER_INPUT naming `field` (e.g. `customerIds[3]`: is not a customer id). */
export function uuidOrThrow(value: string, field: string, message = 'is not a UUID'): string {
  const id = canonicalUuid(value);
  if (id === null) throw new InputError([{ field, message }]);
  return id;
}
