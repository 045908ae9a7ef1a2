import type { ApolloServerPlugin } from '@apollo/server';
import type { Registry } from 'prom-client';
import { isServerError } from './classify-error';
import { counter, histogram } from './metric';

type Outcome = 'success' | 'client_error' | 'server_error';

// Operation names come from clients: past this many distinct names, new ones are counted as `other`.
const MAX_OPERATION_NAMES = 200;

function operationLabel(seen: Set<string>, name: string | null | undefined): string {
  if (!name) return 'anonymous';
  const label = name.slice(0, 100);
  if (seen.has(label)) return label;
  if (seen.size >= MAX_OPERATION_NAMES) return 'other';
  seen.add(label);
  return label;
}

/** `graphql_operations_total` and `graphql_operation_duration_seconds`, by operation name and outcome. */
export function graphqlMetricsPlugin(registry: Registry): ApolloServerPlugin {
  const labelNames = ['operation_name', 'outcome'] as const;
  const operations = counter(registry, { name: 'graphql_operations_total', help: 'GraphQL operations, by operation name and outcome', labelNames });
  const duration = histogram(registry, {
    name: 'graphql_operation_duration_seconds',
    help: 'GraphQL operation duration in seconds, by operation name and outcome',
    labelNames,
  });
  const seen = new Set<string>();
  return {
    async requestDidStart() {
      const end = duration.startTimer();
      let outcome: Outcome = 'success';
      return {
        async didEncounterErrors({ errors }) {
          if (errors.some(isServerError)) outcome = 'server_error';
          else if (outcome === 'success') outcome = 'client_error';
        },
        async willSendResponse({ operationName }) {
          const labels = { operation_name: operationLabel(seen, operationName), outcome };
          end(labels);
          operations.inc(labels);
        },
      };
    },
  };
}
