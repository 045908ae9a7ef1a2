import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices, type CompositionSuccess } from '@apollo/composition';
import { parse, type GraphQLError } from 'graphql';
import { localSubgraphUrl, subgraphs, type SubgraphSpec } from './subgraphs';
import { WORKSPACE_ROOT } from './workspace';

export interface SubgraphSource {
  name: string;
  url: string;
  typeDefs: string;
}

export interface Composed {
  supergraphSdl: string;
  hints: CompositionSuccess['hints'];
}

const describeError = (error: GraphQLError) => {
  const code = error.extensions['code'];
  return `  - [${typeof code === 'string' ? code : 'UNKNOWN'}] ${error.message}`;
};

function parseSdl(name: string, typeDefs: string) {
  try {
    return parse(typeDefs);
  } catch (cause) {
    throw new Error(`Subgraph "${name}": its SDL does not parse: ${String(cause)}`, { cause });
  }
}

/** Composes in-memory subgraph SDLs; throws one Error listing every composition error with its code. */
export function composeSubgraphs(sources: SubgraphSource[]): Composed {
  const result = composeServices(sources.map(({ name, url, typeDefs }) => ({ name, url, typeDefs: parseSdl(name, typeDefs) })));
  if (result.errors) {
    const names = sources.map((source) => source.name).join(', ');
    throw new Error(
      `Supergraph composition of [${names}] failed with ${result.errors.length} error(s):\n` +
        result.errors.map(describeError).join('\n'),
    );
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints };
}

function readSource(root: string, spec: SubgraphSpec): SubgraphSource {
  const file = join(root, spec.schemaPath);
  let typeDefs: string;
  try {
    typeDefs = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new Error(`Subgraph "${spec.name}": cannot read its SDL at ${spec.schemaPath}`, { cause });
  }
  return { name: spec.name, url: localSubgraphUrl(spec), typeDefs };
}

/** Composes every registered subgraph's SDL into the supergraph SDL. Hints are printed, never fatal. */
export function composeSupergraph(root: string = WORKSPACE_ROOT): string {
  const { supergraphSdl, hints } = composeSubgraphs(subgraphs.map((spec) => readSource(root, spec)));
  for (const hint of hints) console.warn(`composition hint [${hint.definition.code}] ${hint.message}`);
  return supergraphSdl;
}
