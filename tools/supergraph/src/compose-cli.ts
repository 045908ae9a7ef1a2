import { relative } from 'node:path';
import { runCheckCommand } from '@rekindle/tools-registry';
import { subgraphs } from './subgraphs';
import { COMPOSE_COMMAND, checkSupergraphFile, writeSupergraphFile } from './supergraph-file';
import { WORKSPACE_ROOT } from './workspace';

// Usage: npx tsx tools/supergraph/src/compose-cli.ts [--check]
function main(check: boolean): number {
  const names = subgraphs.map((spec) => spec.name).join(', ');
  const status = check ? checkSupergraphFile() : writeSupergraphFile();
  const file = relative(WORKSPACE_ROOT, status.path);
  if (check && !status.upToDate) {
    const why = status.actual === undefined ? 'is missing' : `is stale: it differs from a fresh composition of [${names}]`;
    console.error(`${file} ${why}. Run \`${COMPOSE_COMMAND}\` and commit the result.`);
    return 1;
  }
  const outcome = check ? 'is up to date' : status.upToDate ? 'was already up to date' : 'written';
  console.log(`Composed [${names}]: ${file} ${outcome}.`);
  return 0;
}

runCheckCommand(main);
