import { InputError } from '../errors';
import { isUuid } from '../ids/uuid';

/** What a keyset cursor may hold, each decoded to its type: the last row's sort keys. */
interface CursorKinds {
  /** An instant as `toISOString()` writes it, within what PostgreSQL's timestamptz holds. */
  timestamp: string;
  /** A UUID, decoded lower-case. */
  uuid: string;
  integer: number;
  text: string;
}

export type CursorKind = keyof CursorKinds;
export type CursorValues<K extends readonly CursorKind[]> = { -readonly [I in keyof K]: CursorKinds[K[I]] };

/** Longer than any cursor a list gives out: garbage is refused before it is decoded. */
const MAX_CURSOR_LENGTH = 1024;
const ISO_INSTANT = /^(\d{4})-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

const readers: { [K in CursorKind]: (value: unknown) => CursorKinds[K] | undefined } = {
  timestamp: (value) => {
    const year = typeof value === 'string' ? ISO_INSTANT.exec(value)?.[1] : undefined;
    const valid = year !== undefined && Number(year) >= 1 && new Date(value as string).toISOString() === value;
    return valid ? (value as string) : undefined;
  },
  uuid: (value) => (isUuid(value) ? value.toLowerCase() : undefined),
  integer: (value) => (Number.isSafeInteger(value) ? (value as number) : undefined),
  // PostgreSQL text cannot hold NUL.
  text: (value) => (typeof value === 'string' && !value.includes('\u0000') ? value : undefined),
};

/** An opaque cursor holding the keyset values of the last row seen. */
export function encodeCursor(keys: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(keys)).toString('base64url');
}

/**
 * Reads a cursor a list gave out, checking each key against its kind, so that a hand-made or
 * truncated cursor is the caller's BAD_USER_INPUT naming `field` and never reaches the database:
 * `decodeCursor(after, ['timestamp', 'uuid'])` -> [createdAt, id].
 */
export function decodeCursor<const K extends readonly CursorKind[]>(cursor: string, kinds: K, field = 'after'): CursorValues<K> {
  const keys = cursor.length <= MAX_CURSOR_LENGTH ? parseKeys(cursor) : undefined;
  if (keys?.length === kinds.length) {
    const values = kinds.map((kind, i) => readers[kind](keys[i]));
    if (values.every((value) => value !== undefined)) return values as CursorValues<K>;
  }
  throw new InputError([{ field, message: 'is not a cursor this list gave out' }]);
}

function parseKeys(cursor: string): unknown[] | undefined {
  try {
    const keys: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(keys) ? keys : undefined;
  } catch {
    return undefined;
  }
}
