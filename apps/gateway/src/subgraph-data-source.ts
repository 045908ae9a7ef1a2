import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '@rekindle/util';
import { childTraceparent, type RequestContext } from '@rekindle/platform-logger';

/** What the gateway keeps per request: the caller's request id and trace, forwarded to subgraphs. */
export interface GatewayContext {
  requestContext?: RequestContext;
}

function unavailableReason(error: Error, response: { ok: boolean; status: number } | undefined, timeoutMs: number): string {
  if (response && !response.ok) return `HTTP ${response.status}`;
  if (response) return 'invalid response';
  if (error.name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const code = (error.cause as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? `unreachable (${code})` : 'unreachable';
}

/**
 * One subgraph as the gateway sees it: requests carry the caller's `x-request-id` and a child
 * `traceparent` of the same trace, time out after `timeoutMs`, and an HTTP-level failure becomes a
 * SUBGRAPH_UNAVAILABLE error naming the subgraph, so the rest of the response still arrives.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly subgraph: { name: string; url: string; timeoutMs: number },
  ) {
    super({ url: subgraph.url });
    this.fetcher = (url, init) => fetch(url, { ...init, signal: AbortSignal.timeout(subgraph.timeoutMs) });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const caller = context.requestContext;
    if (!caller || !request.http) return;
    request.http.headers.set('x-request-id', caller.requestId);
    request.http.headers.set('traceparent', childTraceparent(caller.traceparent));
  }

  override didEncounterError(error: Error, _fetchRequest: unknown, fetchResponse?: { ok: boolean; status: number }): void {
    const { name, timeoutMs } = this.subgraph;
    throw new GraphQLError(`Subgraph "${name}" is unavailable: ${unavailableReason(error, fetchResponse, timeoutMs)}`, {
      extensions: { code: ErrorCode.SUBGRAPH_UNAVAILABLE, serviceName: name },
    });
  }
}
