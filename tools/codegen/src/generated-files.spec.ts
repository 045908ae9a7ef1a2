import { subgraphs } from '@rekindle/tools-supergraph';
import { CODEGEN_COMMAND, checkResolverTypes } from './generate-resolver-types';

describe('generated resolver types', () => {
  it.each(subgraphs.map((spec) => [spec.name, spec] as const))(
    `%s: src/generated/graphql.ts matches its SDL (run \`${CODEGEN_COMMAND}\` when this fails)`,
    async (_name, spec) => {
      const file = await checkResolverTypes(spec);
      expect(file.actual).toBeDefined();
      expect(file.actual).toBe(file.expected);
    },
  );
});
