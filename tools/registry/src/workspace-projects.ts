import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { WORKSPACE_ROOT } from './workspace';

export interface WorkspaceProject {
  /** The project's folder from the workspace root, e.g. `libs/platform/database`. */
  root: string;
  name: string;
  tags: string[];
}

const PROJECT_FOLDERS = ['apps', 'libs', 'tools'];
const SKIPPED = new Set(['node_modules', 'dist', 'generated', 'lint-fixtures']);

function findProjectFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isFile() && entry.name === 'project.json') return [join(dir, entry.name)];
    if (entry.isDirectory() && !SKIPPED.has(entry.name) && !entry.name.startsWith('.')) return findProjectFiles(join(dir, entry.name));
    return [];
  });
}

/** Every Nx project of the workspace: each project.json under apps/, libs/ and tools/. */
export function workspaceProjects(root: string = WORKSPACE_ROOT): WorkspaceProject[] {
  return PROJECT_FOLDERS.flatMap((folder) => findProjectFiles(join(root, folder)))
    .map((file) => {
      const project = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; tags?: string[] };
      const projectRoot = relative(root, join(file, '..'));
      return { root: projectRoot, name: project.name ?? projectRoot, tags: project.tags ?? [] };
    })
    .sort((a, b) => a.root.localeCompare(b.root));
}

/** The deployable apps by folder name: every `apps/<name>/project.json` tagged `type:app`. */
export const listApps = (root: string = WORKSPACE_ROOT): string[] =>
  workspaceProjects(root)
    .filter((project) => project.tags.includes('type:app') && /^apps\/[^/]+$/.test(project.root))
    .map((project) => project.root.slice('apps/'.length))
    .sort();
