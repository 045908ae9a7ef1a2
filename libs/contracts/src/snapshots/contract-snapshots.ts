import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';
import type { EventContract } from '../events/define-event';

const CONTRACTS_ROOT = join(__dirname, '..', '..');
const WORKSPACE_ROOT = join(CONTRACTS_ROOT, '..', '..');
const EVENTS_DIR = join(CONTRACTS_ROOT, 'src', 'events');
/** One JSON file per shipped event version, named by its CloudEvents type. */
export const SNAPSHOTS_DIR = join(CONTRACTS_ROOT, 'schemas');
export const WRITE_COMMAND = 'npx tsx libs/contracts/src/snapshots/contract-snapshots-cli.ts --write';

/** What a shipped event version promises its consumers: its names, and its data as JSON Schema. */
export interface ContractSnapshot {
  type: string;
  subject: string;
  source: string;
  dataSchema: unknown;
}

export function snapshotOf(contract: EventContract): ContractSnapshot {
  return { type: contract.type, subject: contract.subject, source: contract.source, dataSchema: z.toJSONSchema(contract.schema) };
}

export const snapshotFileName = (type: string) => `${type}.json`;

/** The text a snapshot file holds: stable, so a diff shows what changed. */
export const snapshotText = (snapshot: ContractSnapshot) => `${JSON.stringify(snapshot, null, 2)}\n`;

const isContract = (value: unknown): value is EventContract =>
  typeof value === 'object' && value !== null && 'type' in value && 'subject' in value && 'schema' in value && value.schema instanceof z.ZodType;

/** Every event version in libs/contracts/src/events (`<name>.v<N>.ts`), with the file that defines it. */
export function shippedContracts(): { file: string; contract: EventContract }[] {
  const files = readdirSync(EVENTS_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => /\.v\d+\.ts$/.test(file)).sort();
  return files.flatMap((file) => {
    // Found at run time: a new version file is covered without being listed anywhere.
    const exports = require(join(EVENTS_DIR, file)) as Record<string, unknown>;
    return Object.values(exports).filter(isContract).map((contract) => ({ file: relative(WORKSPACE_ROOT, join(EVENTS_DIR, file)), contract }));
  });
}

/** The snapshots checked in, by file name. */
export function storedSnapshots(): Map<string, string> {
  const names = readdirSync(SNAPSHOTS_DIR).filter((name) => name.endsWith('.json'));
  return new Map(names.map((name) => [name, readFileSync(join(SNAPSHOTS_DIR, name), 'utf8')]));
}

/**
 * What is wrong between the contracts and their snapshots, one message each: a shipped contract
 * whose schema differs from its snapshot (frozen: a change is a new version beside it), a contract
 * without a snapshot (write it), and a snapshot whose contract is gone (shipped versions stay).
 */
export function snapshotProblems(contracts: readonly { file: string; contract: EventContract }[], stored: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const expected = new Set<string>();
  for (const { file, contract } of contracts) {
    const name = snapshotFileName(contract.type);
    expected.add(name);
    const text = stored.get(name);
    if (text === undefined) {
      problems.push(`${contract.type} (${file}) has no JSON-Schema snapshot: write libs/contracts/schemas/${name} with \`${WRITE_COMMAND}\``);
    } else if (text !== snapshotText(snapshotOf(contract))) {
      problems.push(
        `${contract.type} (${file}) differs from libs/contracts/schemas/${name}: a shipped contract is frozen; ` +
          `add a new version beside it (v${Number(/\.v(\d+)$/.exec(contract.type)?.[1]) + 1}) and leave this one as it was`,
      );
    }
  }
  for (const name of stored.keys()) {
    if (!expected.has(name)) problems.push(`libs/contracts/schemas/${name} has no contract any more: a shipped contract is frozen and stays beside its successors`);
  }
  return problems;
}
