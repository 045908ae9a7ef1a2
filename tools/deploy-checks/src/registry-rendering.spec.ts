import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { parseRegistry, renderDerivedFiles } from '@rekindle/tools-registry';
import { validateKubernetesObject } from './kubernetes-schemas';
import { renderKustomization } from './kustomize';
import { container, environmentValue, Manifests } from './manifests';
import { WORKSPACE_ROOT } from './workspace';

// A registry with a subgraph unlike today's: no database. The components must make it whole
// without a migration Job, which no checked-in app exercises.
const registry = parseRegistry({
  gateway: { port: 4000, kind: 'gateway', description: 'g' },
  profile: { port: 4001, kind: 'subgraph', needs: ['database', 'bus', 'cache'], description: 'p' },
  campaign: { port: 4004, kind: 'subgraph', needs: ['bus', 'cache'], consumes: ['profile'], description: 'c' },
});

describe('k8s/ rendered for another registry', () => {
  let root: string;
  let manifests: Manifests;
  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'registry-k8s-'));
    // The hand-written parts of k8s/: the components, the overlays and the files of the base itself.
    for (const folder of ['k8s/components', 'k8s/overlays']) cpSync(join(WORKSPACE_ROOT, folder), join(root, folder), { recursive: true });
    mkdirSync(join(root, 'k8s/base'));
    for (const entry of readdirSync(join(WORKSPACE_ROOT, 'k8s/base'), { withFileTypes: true }).filter((e) => e.isFile())) {
      cpSync(join(WORKSPACE_ROOT, 'k8s/base', entry.name), join(root, 'k8s/base', entry.name));
    }
    const readme = '<!-- services-table:start -->\n<!-- services-table:end -->\n';
    const read = (path: string) => (path === 'README.md' ? readme : readFileSync(join(root, path), 'utf8'));
    for (const file of renderDerivedFiles(registry, read)) {
      mkdirSync(dirname(join(root, file.path)), { recursive: true });
      writeFileSync(join(root, file.path), file.content);
    }
    manifests = new Manifests(renderKustomization(join(root, 'k8s/overlays/prod')));
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('renders valid objects for exactly the registered apps', () => {
    for (const object of manifests.objects) validateKubernetesObject(object);
    expect(manifests.all(Deployment).map((d) => d.metadata?.name).sort()).toEqual(['campaign', 'gateway', 'profile']);
    expect(manifests.all(Job).map((j) => j.metadata?.name)).toEqual(['profile-migrate']);
  });

  it('gives the app without a database its port and no DATABASE_URL', () => {
    const campaign = container(manifests.get(Deployment, 'campaign'));
    expect(campaign.ports).toEqual([{ name: 'http', containerPort: 4004 }]);
    expect(environmentValue(campaign, manifests, 'PORT')).toBe('4004');
    expect(campaign.env?.map((v) => v.name)).toEqual(['PORT']);
    expect(campaign.image).toBe('rekindle/campaign:0.1.0');
  });

  it("points the gateway at the new subgraph's in-cluster URL", () => {
    const gateway = container(manifests.get(Deployment, 'gateway'));
    expect(environmentValue(gateway, manifests, 'SUBGRAPH_URL_CAMPAIGN')).toBe('http://campaign:4004/graphql');
  });
});
