import { buildSubgraphSchema, printSubgraphSchema } from '@apollo/subgraph';
import { codegen } from '@graphql-codegen/core';
import * as typescriptPlugin from '@graphql-codegen/typescript';
import * as typescriptResolversPlugin from '@graphql-codegen/typescript-resolvers';
import { parse } from 'graphql';
import type { CodegenOptions } from './codegen-options';

/** The shared scalars of libs/contracts, as resolvers receive (input) and may return (output) them. */
const SCALARS = {
  DateTime: { input: 'Date', output: 'Date | string' },
  Date: 'string',
  JSON: 'Record<string, unknown>',
  Decimal: 'string',
  // Declared by codegen's own federation spec for @key(fields:).
  _FieldSet: 'string',
};

export interface RenderInput {
  /** The subgraph SDL. */
  sdl: string;
  /** Where the output goes; plugins use it to resolve relative imports. */
  filename: string;
  /** The first line(s) of the file, above the eslint directive. */
  banner: string;
  options: CodegenOptions;
}

/**
 * Renders typed resolvers for one subgraph. The SDL goes through buildSubgraphSchema first, which
 * rejects an invalid subgraph; its printed form keeps the applied @key directives (for the typed
 * `__resolveReference`) without the _entities/_service machinery that the subgraph server adds itself.
 */
export async function renderResolverTypes({ sdl, filename, banner, options }: RenderInput): Promise<string> {
  const subgraphSdl = printSubgraphSchema(buildSubgraphSchema({ typeDefs: parse(sdl) }));
  const output = await codegen({
    filename,
    schema: parse(subgraphSdl),
    documents: [],
    plugins: [{ typescript: {} }, { typescriptResolvers: {} }],
    pluginMap: { typescript: typescriptPlugin, typescriptResolvers: typescriptResolversPlugin },
    config: {
      federation: true,
      useIndexSignature: true,
      useTypeImports: true,
      enumsAsTypes: true,
      strictScalars: true,
      scalars: SCALARS,
      ...(options.contextType ? { contextType: options.contextType } : {}),
      ...(options.mappers ? { mappers: options.mappers } : {}),
    },
  });
  return `${banner}\n/* eslint-disable */\n${output.trimEnd()}\n`;
}
