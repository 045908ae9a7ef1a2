/** The one hand-edited list of services, relative to the workspace root. */
export const REGISTRY_PATH = 'tools/registry/services.json';

/** Rewrites every file derived from the registry; `--check` only reports the stale ones. */
export const SYNC_COMMAND = 'npx tsx tools/registry/src/sync-cli.ts';

/** The first line of a derived file (or block), as a comment in the file's syntax. */
export const generatedNotice = (comment: (text: string) => string) =>
  comment(`Generated from ${REGISTRY_PATH} by \`${SYNC_COMMAND}\`: edit the registry, not this.`);

export const hashComment = (text: string) => `# ${text}`;
