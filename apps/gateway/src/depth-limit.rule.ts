import { GraphQLError, Kind, type SelectionSetNode, type ValidationContext, type ValidationRule } from 'graphql';

function depthOf(context: ValidationContext, selectionSet: SelectionSetNode, fragmentsOnPath: ReadonlySet<string>): number {
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      // Introspection is as deep as the type system, not as the data: GraphiQL's own query would trip the limit.
      if (selection.name.value.startsWith('__')) continue;
      const below = selection.selectionSet ? depthOf(context, selection.selectionSet, fragmentsOnPath) : 0;
      deepest = Math.max(deepest, 1 + below);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(context, selection.selectionSet, fragmentsOnPath));
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // A fragment cycle is reported by NoFragmentCyclesRule; here it just stops the walk.
      if (fragment && !fragmentsOnPath.has(name)) {
        deepest = Math.max(deepest, depthOf(context, fragment.selectionSet, new Set([...fragmentsOnPath, name])));
      }
    }
  }
  return deepest;
}

/** Rejects an operation whose fields nest deeper than `maxDepth` before any subgraph is asked. */
export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const depth = depthOf(context, operation.selectionSet, new Set());
      if (depth > maxDepth) {
        context.reportError(new GraphQLError(`Operation is ${depth} levels deep; the limit is ${maxDepth}.`, { nodes: [operation] }));
      }
      return false;
    },
  });
}
