/** A zod issue path as the field names InputIssue uses: `['variants', 1, 'key']` -> `variants[1].key`. */
export function fieldPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? 'input' : out;
}
