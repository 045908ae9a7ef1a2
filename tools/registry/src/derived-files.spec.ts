import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDerivedFiles } from './derived-files';
import { SYNC_COMMAND } from './generated-notice';
import { registry } from './workspace-registry';
import { WORKSPACE_ROOT } from './workspace';

const read = (path: string) => {
  const file = join(WORKSPACE_ROOT, path);
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined;
};

describe('files derived from the service registry', () => {
  it.each(renderDerivedFiles(registry, read).map((file) => [file.path, file.content] as const))(
    `%s is up to date (run \`${SYNC_COMMAND}\` when this fails)`,
    (path, expected) => {
      expect(read(path)).toBe(expected);
    },
  );
});
