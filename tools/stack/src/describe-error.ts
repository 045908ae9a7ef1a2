/** A short, readable reason out of whatever a client library threw. */
export function describeError(error: unknown): string {
  // Node reports a refused connection to a name with several addresses (localhost) as an AggregateError.
  if (error instanceof AggregateError && error.errors.length > 0) return describeError(error.errors[0]);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  if (code === 'ECONNREFUSED' || code === 'CONNECTION_REFUSED') return 'nothing answers';
  if (error instanceof Error) return error.message || code || error.name;
  return String(error);
}
