import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { environmentIssues, loadEnvSchema, requiredVariables } from '@rekindle/tools-registry';
import { dependencies, loadCompose, toStringMap, type ComposeService } from './compose';
import { isNonRootUser, summariseDockerfile } from './dockerfile';
import { listApps, needsDatabase, servicePort, WORKSPACE_ROOT } from './workspace';

const compose = loadCompose();
const apps = listApps();

function service(name: string): ComposeService {
  const found = compose.services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

describe('docker-compose.yml', () => {
  it('finds the apps to check', () => {
    expect(apps).toEqual(expect.arrayContaining(['gateway', 'profile']));
  });

  it('gives every service that others wait on being healthy a healthcheck', () => {
    const waitedOn = Object.values(compose.services).flatMap((s) =>
      Object.entries(dependencies(s))
        .filter(([, condition]) => condition === 'service_healthy')
        .map(([name]) => name),
    );
    expect(waitedOn.filter((name) => !service(name).healthcheck?.test)).toEqual([]);
  });

  describe.each(apps)('%s', (app) => {
    it('has a service with a healthcheck, published on its port', () => {
      expect(service(app).healthcheck?.test).toBeDefined();
      expect(service(app).healthcheck?.disable).not.toBe(true);
      expect(toStringMap(service(app).environment)['PORT']).toBe(String(servicePort(app)));
      expect(service(app).ports?.map(String)).toContainEqual(expect.stringMatching(new RegExp(`:${servicePort(app)}$`)));
    });

    it('builds from a multi-stage Dockerfile that runs as a non-root user', () => {
      const build = service(app).build;
      if (typeof build !== 'object' || !build.dockerfile) throw new Error(`service "${app}" must have build.dockerfile`);
      const dockerfilePath = join(WORKSPACE_ROOT, build.context ?? '.', build.dockerfile);
      expect(existsSync(dockerfilePath)).toBe(true);
      const dockerfile = summariseDockerfile(readFileSync(dockerfilePath, 'utf8'));
      expect(dockerfile.stages).toBeGreaterThanOrEqual(2);
      expect(isNonRootUser(dockerfile.runtimeUser)).toBe(true);
      if (dockerfile.args.includes('APP')) expect(toStringMap(build.args)['APP']).toBe(app);
    });

    it('sets every variable its config requires, with values its config accepts', () => {
      const schema = loadEnvSchema(app);
      const environment = toStringMap(service(app).environment);
      expect(requiredVariables(schema).filter((name) => !environment[name])).toEqual([]);
      expect(environmentIssues(schema, environment)).toEqual([]);
    });

    it('starts only after what it depends on is healthy (or, for migrations, done)', () => {
      const conditions = Object.values(dependencies(service(app)));
      expect(conditions.filter((c) => c !== 'service_healthy' && c !== 'service_completed_successfully')).toEqual([]);
    });

    if (needsDatabase(app)) {
      it('runs its migrations first, in a one-shot service with the same environment', () => {
        const migrate = service(`${app}-migrate`);
        expect(dependencies(service(app))[`${app}-migrate`]).toBe('service_completed_successfully');
        expect([migrate.command].flat().join(' ')).toContain(`dist/apps/${app}/migrate.js`);
        expect(migrate.build).toEqual(service(app).build);
        expect(environmentIssues(loadEnvSchema(app), toStringMap(migrate.environment))).toEqual([]);
      });
    }

    if (app !== 'gateway') {
      it('is a subgraph of the gateway, which waits for it', () => {
        const gateway = service('gateway');
        expect(toStringMap(gateway.environment)[`SUBGRAPH_URL_${app.toUpperCase()}`]).toBe(`http://${app}:${servicePort(app)}/graphql`);
        expect(dependencies(gateway)[app]).toBe('service_healthy');
      });
    }
  });
});
