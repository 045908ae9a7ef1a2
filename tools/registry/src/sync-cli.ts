import { runCheckCommand } from './check-command';
import { SYNC_COMMAND } from './generated-notice';
import { syncDerivedFiles } from './sync';

// Usage: npx tsx tools/registry/src/sync-cli.ts [--check]
function main(check: boolean): number {
  const files = syncDerivedFiles(undefined, { check });
  const changed = files.filter((file) => file.status !== 'up to date');
  for (const file of changed) console.log(`${file.path}: ${file.status}`);
  if (check && changed.length > 0) {
    console.error(`${changed.length} file(s) derived from the service registry are out of date. Run \`${SYNC_COMMAND}\` and commit the result.`);
    return 1;
  }
  console.log(`${files.length - changed.length} of ${files.length} derived files were up to date${check ? '' : `, ${changed.length} written`}.`);
  return 0;
}

runCheckCommand(main);
