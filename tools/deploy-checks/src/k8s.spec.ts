import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { Service } from 'kubernetes-models/v1/Service';
import { loadEnvSchema, requiredVariables } from '@rekindle/tools-registry';
import { validateKubernetesObject } from './kubernetes-schemas';
import { renderKustomization, type KubernetesObject } from './kustomize';
import { container, environmentNames, environmentValue, Manifests, podSpec, portNumber, type Workload } from './manifests';
import { listApps, needsDatabase, servicePort } from './workspace';

const apps = listApps();

const overlays = [
  { overlay: 'dev', namespace: 'rekindle-dev', imageTag: /^dev$/, minReplicas: 1, maxReplicas: 1, logLevel: 'debug' },
  { overlay: 'prod', namespace: 'rekindle', imageTag: /^\d+\.\d+\.\d+$/, minReplicas: 2, maxReplicas: 10, logLevel: 'info' },
];

function validationErrors(objects: KubernetesObject[]): string[] {
  return objects.flatMap((object) => {
    try {
      validateKubernetesObject(object);
      return [];
    } catch (error) {
      return [(error as Error).message];
    }
  });
}

describe('Kubernetes schema validation', () => {
  const deployment = (replicas: unknown) =>
    ({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'broken' },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'x' } },
        template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'app', image: 'x' }] } },
      },
    }) as KubernetesObject;

  it('accepts a well-formed Deployment', () => {
    expect(() => validateKubernetesObject(deployment(2))).not.toThrow();
  });

  it('rejects a Deployment whose replicas is not an integer', () => {
    expect(() => validateKubernetesObject(deployment('two'))).toThrow(/replicas must be integer/);
  });

  it('rejects a kind it has no schema for', () => {
    expect(() => validateKubernetesObject({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } })).toThrow(/no schema known/);
  });
});

describe.each(overlays)('k8s/overlays/$overlay', ({ overlay, namespace, imageTag, minReplicas, maxReplicas, logLevel }) => {
  let manifests: Manifests;
  beforeAll(() => {
    manifests = new Manifests(renderKustomization(`k8s/overlays/${overlay}`));
  });

  it('renders only objects that fit the Kubernetes schema of their kind', () => {
    expect(manifests.objects.length).toBeGreaterThan(0);
    expect(validationErrors(manifests.objects)).toEqual([]);
  });

  it('renders no Secret: the platform team creates rekindle-database', () => {
    expect(manifests.objects.filter((o) => o.kind === 'Secret').map((o) => o.metadata.name)).toEqual([]);
  });

  it(`puts everything in namespace ${namespace}`, () => {
    expect(manifests.objects.filter((o) => o.metadata.namespace !== namespace).map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([]);
  });

  it(`sets LOG_LEVEL=${logLevel} in rekindle-config`, () => {
    const configs = manifests.objects.filter((o) => o.kind === 'ConfigMap' && o.metadata.name.startsWith('rekindle-config'));
    expect(configs.map((config) => config['data'])).toEqual([expect.objectContaining({ LOG_LEVEL: logLevel })]);
  });

  describe.each(apps)('%s', (app) => {
    let deployment: IDeployment;
    beforeAll(() => {
      deployment = manifests.get(Deployment, app);
    });

    it('probes /health/live and /health/ready on its own port', () => {
      const main = container(deployment);
      expect(main.livenessProbe?.httpGet?.path).toBe('/health/live');
      expect(main.readinessProbe?.httpGet?.path).toBe('/health/ready');
      expect(portNumber(main, main.livenessProbe?.httpGet?.port)).toBe(servicePort(app));
      expect(portNumber(main, main.readinessProbe?.httpGet?.port)).toBe(servicePort(app));
    });

    it(`runs a released image tagged for ${overlay}`, () => {
      const [, tag = ''] = (container(deployment).image ?? '').split(':');
      expect(tag).toMatch(imageTag);
    });

    it('runs as a non-root user on a read-only root filesystem with no capabilities', () => {
      expectLockedDown(deployment);
    });

    it('sets CPU and memory requests and limits', () => {
      expectResources(deployment);
    });

    it('gives its pods every variable its config requires, DATABASE_URL from the platform Secret', () => {
      expectEnvironment(app, deployment, manifests);
    });

    it('has a Service on its port selecting its pods', () => {
      const service = manifests.get(Service, app);
      const port = service.spec?.ports?.[0];
      expect(port?.port).toBe(servicePort(app));
      expect(portNumber(container(deployment), port?.targetPort)).toBe(servicePort(app));
      expect(service.spec?.selector).toEqual(deployment.spec?.selector.matchLabels);
    });

    it(`scales between ${minReplicas} and ${maxReplicas} replicas on 70% CPU`, () => {
      const hpa = manifests.get(HorizontalPodAutoscaler, app);
      expect(hpa.spec?.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: app });
      expect([hpa.spec?.minReplicas, hpa.spec?.maxReplicas]).toEqual([minReplicas, maxReplicas]);
      expect(hpa.spec?.metrics).toEqual([
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
      ]);
    });

    it('has a PodDisruptionBudget over its pods', () => {
      const pdb = manifests.get(PodDisruptionBudget, app);
      expect(pdb.spec?.selector).toEqual(deployment.spec?.selector);
      if (minReplicas > 1) expect(pdb.spec?.minAvailable).toBe(1);
    });

    if (needsDatabase(app)) {
      it('has a migration Job running its migrate.js from the same image', () => {
        const job = manifests.get(Job, `${app}-migrate`);
        expect(container(job).command).toEqual(['node', `dist/apps/${app}/migrate.js`]);
        expect(container(job).image).toBe(container(deployment).image);
        expect(podSpec(job).restartPolicy).toBe('Never');
        expectLockedDown(job);
        expectResources(job);
        expectEnvironment(app, job, manifests);
      });
    } else {
      it('has no migration Job (it has no database)', () => {
        expect(manifests.find(Job, `${app}-migrate`)).toBeUndefined();
      });
    }

    if (app !== 'gateway') {
      it('is a subgraph of the gateway', () => {
        const gateway = container(manifests.get(Deployment, 'gateway'));
        const url = environmentValue(gateway, manifests, `SUBGRAPH_URL_${app.toUpperCase()}`);
        expect(url).toBe(`http://${app}:${servicePort(app)}/graphql`);
      });
    }
  });
});

function expectLockedDown(workload: Workload): void {
  expect(podSpec(workload).securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000, seccompProfile: { type: 'RuntimeDefault' } });
  expect(container(workload).securityContext).toMatchObject({
    readOnlyRootFilesystem: true,
    allowPrivilegeEscalation: false,
    capabilities: { drop: ['ALL'] },
  });
}

function expectResources(workload: Workload): void {
  const resources = container(workload).resources;
  for (const bound of [resources?.requests, resources?.limits]) {
    expect(bound).toEqual(expect.objectContaining({ cpu: expect.anything(), memory: expect.anything() }));
  }
}

function expectEnvironment(app: string, workload: Workload, manifests: Manifests): void {
  const target = container(workload);
  const defined = environmentNames(target, manifests);
  expect(requiredVariables(loadEnvSchema(app)).filter((name) => !defined.includes(name))).toEqual([]);
  const databaseUrl = target.env?.find((v) => v.name === 'DATABASE_URL');
  if (databaseUrl) expect(databaseUrl).toEqual({ name: 'DATABASE_URL', valueFrom: { secretKeyRef: { name: 'rekindle-database', key: 'url' } } });
}
