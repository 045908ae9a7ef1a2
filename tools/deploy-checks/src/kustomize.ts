import { execFileSync } from 'node:child_process';
import { isAbsolute, join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WORKSPACE_ROOT } from './workspace';

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string };
  [field: string]: unknown;
}

/** Renders a kustomization (a path from the workspace root, or an absolute one) with `kubectl kustomize`. */
export function renderKustomization(path: string): KubernetesObject[] {
  let output: string;
  try {
    output = execFileSync('kubectl', ['kustomize', isAbsolute(path) ? path : join(WORKSPACE_ROOT, path)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new Error(
        'kubectl is not on PATH: install kubectl 1.32 (https://kubernetes.io/docs/tasks/tools/); ' +
          'the Kubernetes checks render k8s/overlays with `kubectl kustomize`',
      );
    }
    throw new Error(`kubectl kustomize ${path} failed: ${(error as { stderr?: string }).stderr ?? String(error)}`);
  }
  return parseAllDocuments(output).map((document) => {
    if (document.errors.length > 0) throw new Error(`kubectl kustomize ${path} printed invalid YAML: ${document.errors[0]?.message}`);
    return document.toJS() as KubernetesObject;
  });
}
