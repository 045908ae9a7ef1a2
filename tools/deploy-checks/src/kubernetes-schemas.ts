import { Deployment } from 'kubernetes-models/apps/v1/Deployment';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler';
import { Job } from 'kubernetes-models/batch/v1/Job';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1/PodDisruptionBudget';
import { ConfigMap } from 'kubernetes-models/v1/ConfigMap';
import { Service } from 'kubernetes-models/v1/Service';
import type { KubernetesObject } from './kustomize';

interface ModelClass {
  apiVersion: string;
  kind: string;
  new (data: KubernetesObject): { validate(): void };
}

/** The kinds the manifests may contain; anything else is a mistake until it is added here. */
const models: ModelClass[] = [ConfigMap, Service, Deployment, Job, HorizontalPodAutoscaler, PodDisruptionBudget];

/** Checks an object against the Kubernetes OpenAPI schema of its apiVersion and kind; throws when it does not fit. */
export function validateKubernetesObject(object: KubernetesObject): void {
  const Model = models.find((m) => m.apiVersion === object.apiVersion && m.kind === object.kind);
  const name = `${object.apiVersion} ${object.kind} ${object.metadata?.name}`;
  if (!Model) throw new Error(`${name}: no schema known for this apiVersion and kind`);
  try {
    new Model(object).validate();
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
