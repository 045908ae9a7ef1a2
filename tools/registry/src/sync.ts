import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderDerivedFiles } from './derived-files';
import { loadRegistry } from './load-registry';
import { WORKSPACE_ROOT } from './workspace';

export type SyncStatus = 'up to date' | 'stale' | 'missing' | 'written';

export interface SyncedFile {
  path: string;
  status: SyncStatus;
}

/**
 * Compares every derived file of the workspace at `root` with what its registry makes of it and,
 * unless `check`, writes those that differ.
 */
export function syncDerivedFiles(root: string = WORKSPACE_ROOT, { check }: { check: boolean }): SyncedFile[] {
  const read = (path: string) => {
    const file = join(root, path);
    return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  };
  return renderDerivedFiles(loadRegistry(root), read).map(({ path, content }): SyncedFile => {
    const actual = read(path);
    if (actual === content) return { path, status: 'up to date' };
    if (check) return { path, status: actual === undefined ? 'missing' : 'stale' };
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
    return { path, status: 'written' };
  });
}
