/**
 * Checks every shipped event version against its JSON-Schema snapshot in libs/contracts/schemas
 * (what contract-snapshots.spec.ts asserts); with --write, first writes the snapshots that are
 * missing. It never rewrites an existing one: a shipped contract is frozen.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shippedContracts, snapshotFileName, snapshotOf, snapshotProblems, snapshotText, SNAPSHOTS_DIR, storedSnapshots } from './contract-snapshots';

const contracts = shippedContracts();
if (process.argv.includes('--write')) {
  const stored = storedSnapshots();
  for (const { contract } of contracts) {
    const name = snapshotFileName(contract.type);
    if (stored.has(name)) continue;
    writeFileSync(join(SNAPSHOTS_DIR, name), snapshotText(snapshotOf(contract)));
    console.log(`wrote libs/contracts/schemas/${name}`);
  }
}
const problems = snapshotProblems(contracts, storedSnapshots());
for (const problem of problems) console.error(problem);
console.log(problems.length === 0 ? `${contracts.length} contracts match their snapshots` : `${problems.length} problem(s)`);
process.exitCode = problems.length === 0 ? 0 : 1;
