import { randomBytes } from 'node:crypto';

/** A short lower-case id, unique per call, usable in schema, stream and subject names. */
export function uniqueTestId(label: string): string {
  const clean = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').slice(0, 20);
  return `t_${clean}_${randomBytes(4).toString('hex')}`;
}
