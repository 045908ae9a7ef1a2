const HIDDEN_FIELDS = new Set(['level', 'time', 'msg', 'service', 'pid', 'hostname']);

/**
 * One line of a child's output, readable in a terminal: a pino JSON line becomes
 * `[name] LEVEL message {other fields}`, a message of several lines indented under its first;
 * anything else is kept as it is, behind the same prefix.
 */
export function formatChildLine(name: string, line: string): string {
  const prefix = `[${name}]`;
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return `${prefix} ${line}`;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry) || !('msg' in entry)) return `${prefix} ${line}`;
  const fields = entry as Record<string, unknown>;
  const level = String(fields['level'] ?? 'info').toUpperCase();
  const rest = Object.fromEntries(Object.entries(fields).filter(([key]) => !HIDDEN_FIELDS.has(key)));
  const extra = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const message = String(fields['msg']).replaceAll('\n', `\n${' '.repeat(prefix.length + 1)}`);
  return `${prefix} ${level} ${message}${extra}`;
}
