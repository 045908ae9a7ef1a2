import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderResolverTypes } from './render-resolver-types';

const sdl = readFileSync(join(__dirname, 'fixtures/profile.fixture.graphql'), 'utf8');
const render = (overrides: Partial<Parameters<typeof renderResolverTypes>[0]> = {}) =>
  renderResolverTypes({ sdl, filename: 'apps/profile/src/generated/graphql.ts', banner: '// banner', options: {}, ...overrides });

describe('renderResolverTypes', () => {
  let plain: string;
  beforeAll(async () => {
    plain = await render();
  });

  it('starts with the banner and disables eslint', () => {
    expect(plain.split('\n').slice(0, 2)).toEqual(['// banner', '/* eslint-disable */']);
  });

  it('maps the shared scalars', () => {
    expect(plain).toContain("DateTime: { input: Date; output: Date | string; }");
    expect(plain).toContain("Date: { input: string; output: string; }");
    expect(plain).toContain("JSON: { input: Record<string, unknown>; output: Record<string, unknown>; }");
  });

  it('types __resolveReference of an entity by its key', () => {
    expect(plain).toMatch(
      /__resolveReference\?: ReferenceResolver<Maybe<ResolversTypes\['Customer'\]>, \{ __typename: 'Customer' \} & GraphQLRecursivePick<ParentType, \{"id":true\}>, ContextType>/,
    );
  });

  it('leaves out the federation machinery the subgraph server adds itself', () => {
    expect(plain).not.toMatch(/_entities|_service|link__|federation__/);
  });

  it('uses an index signature on resolver maps and string unions for enums', () => {
    expect(plain).toContain('export type ResolversObject<TObject> = WithIndex<TObject>;');
    expect(plain).toMatch(/export type LifecycleStage =\s+\| 'NEW'/);
  });

  it("imports the app's context type and mappers", async () => {
    const output = await render({
      options: { contextType: '../context#ProfileContext', mappers: { Customer: '../data/customer.model#CustomerModel' } },
    });
    expect(output).toContain("import type { ProfileContext } from '../context';");
    expect(output).toContain("import type { CustomerModel } from '../data/customer.model';");
    expect(output).toContain('Customer: ResolverTypeWrapper<CustomerModel>;');
    expect(output).toContain('export type Resolvers<ContextType = ProfileContext>');
  });

  it('refuses a scalar it has no TypeScript type for', async () => {
    await expect(render({ sdl: `${sdl}\nscalar Money\nextend type Query { total: Money }` })).rejects.toThrow(
      /Unknown scalar type Money/,
    );
  });

  it('rejects an SDL that is not a valid subgraph', async () => {
    await expect(render({ sdl: `${sdl}\ntype Order @key(fields: "missing") { id: ID! }` })).rejects.toThrow(
      /Cannot query field "missing" on type "Order"/,
    );
  });
});
