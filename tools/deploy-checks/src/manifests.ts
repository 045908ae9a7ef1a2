import type { IContainer } from 'kubernetes-models/v1/Container';
import type { IPodSpec } from 'kubernetes-models/v1/PodSpec';
import type { KubernetesObject } from './kustomize';

interface Kind<T> {
  kind: string;
  is(value: unknown): value is T;
}

export interface Workload {
  metadata?: { name?: string };
  spec?: { template?: { spec?: IPodSpec } };
}

/** Lookups over the objects one overlay renders, failing with a message that names what is missing. */
export class Manifests {
  constructor(readonly objects: KubernetesObject[]) {}

  all<T>(model: Kind<T>): T[] {
    return this.objects.filter((o): o is KubernetesObject & T => model.is(o));
  }

  find<T>(model: Kind<T>, name: string): T | undefined {
    return this.all(model).find((o) => (o as { metadata?: { name?: string } }).metadata?.name === name);
  }

  get<T>(model: Kind<T>, name: string): T {
    const found = this.find(model, name);
    if (!found) throw new Error(`no ${model.kind} named "${name}" is rendered`);
    return found;
  }

  /** The data of the ConfigMaps a container takes whole through `envFrom`. */
  configMapEnvironment(container: IContainer): Record<string, string> {
    const names = (container.envFrom ?? []).flatMap((source) => (source.configMapRef?.name ? [source.configMapRef.name] : []));
    const maps = this.objects.filter((o) => o.kind === 'ConfigMap' && names.includes(o.metadata.name));
    return Object.assign({}, ...maps.map((map) => map['data'] as Record<string, string>));
  }
}

export function podSpec(workload: Workload): IPodSpec {
  const spec = workload.spec?.template?.spec;
  if (!spec) throw new Error(`${workload.metadata?.name} has no pod template`);
  return spec;
}

/** The workload's one container (Rekindle pods have no sidecars). */
export function container(workload: Workload): IContainer {
  const containers = podSpec(workload).containers;
  if (containers.length !== 1 || !containers[0]) throw new Error(`${workload.metadata?.name} must have exactly one container`);
  return containers[0];
}

/** A probe's or Service's port as a number, looking a named port up in the container's ports. */
export function portNumber(target: IContainer, port: string | number | undefined): number | undefined {
  return typeof port === 'string' ? target.ports?.find((p) => p.name === port)?.containerPort : port;
}

/** A variable's value as the container sees it: its own `env` first, else the ConfigMaps it takes. */
export function environmentValue(target: IContainer, manifests: Manifests, name: string): string | undefined {
  const own = target.env?.find((variable) => variable.name === name);
  return own ? own.value : manifests.configMapEnvironment(target)[name];
}

/** Every variable the container's environment defines: its own `env` and the ConfigMaps it takes. */
export function environmentNames(target: IContainer, manifests: Manifests): string[] {
  return [...(target.env ?? []).map((variable) => variable.name), ...Object.keys(manifests.configMapEnvironment(target))];
}
