export interface GraphQLCallerOptions {
  url: string;
  /** Retries after the first attempt. */
  retries: number;
  /** First backoff; doubled on each retry. */
  retryDelayMs: number;
  timeoutMs: number;
  headers?: Record<string, string>;
  /** Injected in tests. */
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Told about each retry (the CLI prints it on stderr). */
  onRetry?: (info: { operation: string; attempt: number; delayMs: number; error: string }) => void;
}

interface GraphQLError {
  message: string;
  extensions?: { code?: string; field?: string };
}

/** A call that failed for good: a deterministic error, or a transient one that outlived the retries. */
export class GraphQLCallError extends Error {
  constructor(
    readonly operation: string,
    message: string,
    readonly attempts: number,
  ) {
    super(`${operation} failed after ${attempts} attempt(s): ${message}`);
    this.name = 'GraphQLCallError';
  }
}

/** Errors of the request itself: sending it again gives the same answer. */
const PERMANENT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'UNAUTHENTICATED', 'FORBIDDEN']);
const RETRIED_STATUS = (status: number) => status >= 500 || status === 408 || status === 429;

type Attempt<T> = { ok: true; data: T } | { ok: false; retry: boolean; error: string };

export type GraphQLCaller = <T>(operation: string, query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * POSTs GraphQL operations, retrying a network error, a timeout, HTTP 5xx/408/429 or a GraphQL
 * error that is not the request's own fault, with exponential backoff. Only safe for idempotent
 * operations, which every partner mutation is.
 */
export function createGraphQLCaller(options: GraphQLCallerOptions): GraphQLCaller {
  const doFetch = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));

  async function attempt<T>(query: string, variables: Record<string, unknown>): Promise<Attempt<T>> {
    let response: Response;
    try {
      response = await doFetch(options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...options.headers },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      return { ok: false, retry: true, error: `${(error as Error).message}${cause ? ` (${cause})` : ''}` };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      return { ok: false, retry: true, error: `reading the response failed: ${(error as Error).message}` };
    }
    let body: { data?: T | null; errors?: GraphQLError[] } | undefined;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (body?.errors && body.errors.length > 0) {
      const codes = body.errors.map((e) => e.extensions?.code ?? 'UNKNOWN');
      const error = body.errors
        .slice(0, 3)
        .map((e) => `${e.extensions?.code ?? 'ERROR'}${e.extensions?.field ? ` ${e.extensions.field}` : ''}: ${e.message}`)
        .join('; ');
      return { ok: false, retry: !codes.some((c) => PERMANENT_CODES.has(c)), error: `HTTP ${response.status}: ${error}` };
    }
    if (!response.ok || !body || body.data == null) {
      const snippet = text.slice(0, 200).replace(/\s+/g, ' ');
      return { ok: false, retry: RETRIED_STATUS(response.status), error: `HTTP ${response.status}: ${snippet || '(empty body)'}` };
    }
    return { ok: true, data: body.data };
  }

  return async function call<T>(operation: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
    for (let n = 1; ; n += 1) {
      const result = await attempt<T>(query, variables);
      if (result.ok) return result.data;
      if (!result.retry || n > options.retries) throw new GraphQLCallError(operation, result.error, n);
      const delayMs = options.retryDelayMs * 2 ** (n - 1);
      options.onRetry?.({ operation, attempt: n, delayMs, error: result.error });
      await sleep(delayMs);
    }
  };
}
