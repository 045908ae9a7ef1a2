import { Kind, parse, type ConstValueNode, type EnumTypeDefinitionNode } from 'graphql';

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

const stringArgument = (value: ConstValueNode | undefined) => (value?.kind === Kind.STRING ? value.value : undefined);

/**
 * The subgraphs a composed supergraph names (`enum join__Graph { X @join__graph(name:, url:) }`),
 * with `overrides` replacing the composed URLs: what the gateway routes to and probes for readiness.
 */
export function supergraphSubgraphs(supergraphSdl: string, overrides: ReadonlyMap<string, string> = new Map()): SubgraphEndpoint[] {
  const graphs = parse(supergraphSdl).definitions.find(
    (definition): definition is EnumTypeDefinitionNode => definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph',
  );
  return (graphs?.values ?? []).flatMap((value) => {
    const directive = value.directives?.find((d) => d.name.value === 'join__graph');
    const argument = (name: string) => stringArgument(directive?.arguments?.find((a) => a.name.value === name)?.value);
    const name = argument('name');
    const url = name === undefined ? undefined : (overrides.get(name) ?? argument('url'));
    return name !== undefined && url !== undefined ? [{ name, url }] : [];
  });
}
