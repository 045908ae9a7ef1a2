import { runCheckCommand } from '@rekindle/tools-registry';
import { CODEGEN_COMMAND, checkAllResolverTypes, writeAllResolverTypes } from './generate-resolver-types';

// Usage: npx tsx tools/codegen/src/codegen-cli.ts [--check]
async function main(check: boolean): Promise<number> {
  const files = check ? await checkAllResolverTypes() : await writeAllResolverTypes();
  for (const file of files) {
    const outcome = file.upToDate ? 'up to date' : check ? (file.actual === undefined ? 'MISSING' : 'STALE') : 'written';
    console.log(`${file.subgraph}: ${file.path} ${outcome}`);
  }
  if (check && files.some((file) => !file.upToDate)) {
    console.error(`Generated resolver types are out of date. Run \`${CODEGEN_COMMAND}\` and commit the result.`);
    return 1;
  }
  return 0;
}

runCheckCommand(main);
