import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  hasDatabase,
  listApps,
  loadEnvSchema,
  registry,
  REGISTRY_PATH,
  subgraphUrlVariable,
  workspaceProjects,
  WORKSPACE_ROOT,
} from '@rekindle/tools-registry';

describe(`the service registry (${REGISTRY_PATH}) and the apps`, () => {
  const apps = listApps();
  const registered = registry.services.map((service) => service.name);

  it('registers every app (apps/*/project.json tagged type:app)', () => {
    expect(apps.filter((app) => !registered.includes(app))).toEqual([]);
  });

  it('names no app that does not exist', () => {
    expect(registered.filter((name) => !apps.includes(name))).toEqual([]);
  });

  describe.each(registry.services.filter((service) => apps.includes(service.name)))('$name', (service) => {
    it(`is tagged ${service.scope}, the scope its lint row is built for`, () => {
      const project = workspaceProjects().find((p) => p.root === `apps/${service.name}`);
      expect(project?.tags).toContain(service.scope);
    });

    it(`has a migrate.ts exactly when it needs a database`, () => {
      expect(existsSync(join(WORKSPACE_ROOT, 'apps', service.name, 'src', 'migrate.ts'))).toBe(hasDatabase(service));
    });

    it(`listens on port ${service.port} when PORT is unset`, () => {
      expect(loadEnvSchema(service.name).shape['PORT']?.parse(undefined)).toBe(service.port);
    });
  });

  it("lets every subgraph's URL be set on the gateway", () => {
    const gatewayVariables = Object.keys(loadEnvSchema(registry.gateway.name).shape);
    expect(registry.subgraphs.map((s) => subgraphUrlVariable(s.name)).filter((name) => !gatewayVariables.includes(name))).toEqual([]);
  });
});
