import { resolve } from 'node:path';

/** The monorepo root, found from this file's place in it (tools/registry/src). */
export const WORKSPACE_ROOT = resolve(__dirname, '../../..');
