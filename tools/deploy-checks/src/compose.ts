import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WORKSPACE_ROOT } from './workspace';

type MapOrList = Record<string, string | number | boolean | null> | string[];

export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: MapOrList };
  command?: string | string[];
  environment?: MapOrList;
  healthcheck?: { test?: string | string[]; disable?: boolean };
  depends_on?: string[] | Record<string, { condition?: string }>;
  ports?: (string | number)[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
}

/** docker-compose.yml at the root, with anchors and `<<` merge keys resolved as Compose does. */
export function loadCompose(): ComposeFile {
  const compose = parse(readFileSync(join(WORKSPACE_ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as Partial<ComposeFile>;
  return { services: compose.services ?? {} };
}

/** `environment:` or `build.args:` as a plain map of strings, whichever of Compose's two forms it uses. */
export function toStringMap(value: MapOrList | undefined): Record<string, string> {
  if (value === undefined) return {};
  const pairs = Array.isArray(value)
    ? value.map((entry) => {
        const at = entry.indexOf('=');
        return at < 0 ? [entry, ''] : [entry.slice(0, at), entry.slice(at + 1)];
      })
    : Object.entries(value).map(([key, v]) => [key, v === null ? '' : String(v)]);
  return Object.fromEntries(pairs);
}

/** The dependencies of a service with the condition each waits for (`service_started` when unstated). */
export function dependencies(service: ComposeService): Record<string, string> {
  const dependsOn = service.depends_on ?? {};
  if (Array.isArray(dependsOn)) return Object.fromEntries(dependsOn.map((name) => [name, 'service_started']));
  return Object.fromEntries(Object.entries(dependsOn).map(([name, d]) => [name, d.condition ?? 'service_started']));
}
