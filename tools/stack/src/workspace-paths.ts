import { join } from 'node:path';
import { WORKSPACE_ROOT } from '@rekindle/tools-supergraph';

export { WORKSPACE_ROOT };

/** Where the runner keeps what it starts itself (embedded PostgreSQL data, NATS store); gitignored. */
export const STATE_DIR = join(WORKSPACE_ROOT, '.rekindle');

/** A command installed by npm into the workspace (tsx, tsc, eslint, jest). */
export const localBin = (name: string) => join(WORKSPACE_ROOT, 'node_modules', '.bin', name);
