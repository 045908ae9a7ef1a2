import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes, randomUUID } from 'node:crypto';

/** What travels with one request or one consumed event: logged on every line, forwarded downstream. */
export interface RequestContext {
  requestId: string;
  /** W3C trace context header value: 00-<trace-id>-<parent-id>-<flags>. */
  traceparent: string;
  /**
   * Who is calling (the principal the gateway forwards), which scopes what is theirs alone, such as
   * idempotency keys. Unset until callers authenticate: then every caller is ANONYMOUS_CALLER.
   */
  caller?: string;
}

/** The caller of a request that names none. */
export const ANONYMOUS_CALLER = 'anonymous';

const storage = new AsyncLocalStorage<RequestContext>();

export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** The caller of the request being served, ANONYMOUS_CALLER when it names none. */
export function currentCaller(): string {
  return storage.getStore()?.caller ?? ANONYMOUS_CALLER;
}

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;

export function traceIdOf(traceparent: string): string | undefined {
  return TRACEPARENT.exec(traceparent)?.[1];
}

/** Continues the caller's trace with a new span id, or starts a new trace when there is none (or it is malformed). */
export function childTraceparent(parent?: string): string {
  const traceId = (parent && traceIdOf(parent)) || randomBytes(16).toString('hex');
  return `00-${traceId}-${randomBytes(8).toString('hex')}-01`;
}

/** Builds the context for an incoming request from its headers, generating what is missing. */
export function requestContextFrom(headers: { requestId?: string; traceparent?: string }): RequestContext {
  const requestId = headers.requestId && /^[\w.:-]{1,128}$/.test(headers.requestId) ? headers.requestId : randomUUID();
  return { requestId, traceparent: childTraceparent(headers.traceparent) };
}
