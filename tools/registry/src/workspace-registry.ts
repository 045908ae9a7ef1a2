import { loadRegistry } from './load-registry';
import type { Registry } from './registry';

/** This workspace's registry, read when first imported. */
export const registry: Registry = loadRegistry();
