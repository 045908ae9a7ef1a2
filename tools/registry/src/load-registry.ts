import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGISTRY_PATH } from './generated-notice';
import { parseRegistry, type Registry } from './registry';
import { WORKSPACE_ROOT } from './workspace';

/** Reads and validates the registry of the workspace at `root`. */
export function loadRegistry(root: string = WORKSPACE_ROOT): Registry {
  const text = readFileSync(join(root, REGISTRY_PATH), 'utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new Error(`${REGISTRY_PATH} is not valid JSON: ${String(cause)}`, { cause });
  }
  return parseRegistry(json, REGISTRY_PATH);
}
