import type { Privilege } from './loyalty-program';

type PrivilegeValue = Privilege['value'];

function parsesAsJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * A privilege's value travels in GraphQL as text: a number or boolean as its JSON ("5", "true"), a
 * string as itself ("VIP"), except a string that would read as JSON, which is quoted ("\"5\""). So
 * every value round-trips through `privilegeValueFromText`.
 */
export function privilegeValueToText(value: PrivilegeValue): string | null {
  if (value === null) return null;
  if (typeof value === 'string') return parsesAsJson(value) ? JSON.stringify(value) : value;
  return JSON.stringify(value);
}

/** The inverse of privilegeValueToText: JSON scalars are read as such, any other text is a string. */
export function privilegeValueFromText(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  if (!parsesAsJson(text)) return text;
  // Anything else (an object, an array) is left for the programme's validation to refuse.
  return JSON.parse(text) as unknown;
}
