import { InputError } from '@rekindle/contracts';
import { isUuid } from '../data/experiment.loaders';

/** GraphQL null means "not given" in definitions: nulls are dropped, deeply, before the core validates. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Customer ids are profile's UUIDs, hashed in their canonical lower-case form. */
export function customerIdOrThrow(id: string, field: string): string {
  if (!isUuid(id)) throw new InputError([{ field, message: 'is not a customer id (a UUID)' }]);
  return id.toLowerCase();
}

/** '12.5000' -> '12.5', '3.000' -> '3', '-0.0' -> '0': numeric text in a canonical form. */
export function canonicalDecimal(text: string): string {
  let out = text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
  if (/^-0*$/.test(out)) out = '0';
  return out.replace(/^(-?)0+(?=\d)/, '$1');
}

/** The PostgreSQL error code of a failed statement, e.g. 23505 for a unique violation. */
export const pgCode = (error: unknown): string | undefined =>
  typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : undefined;
