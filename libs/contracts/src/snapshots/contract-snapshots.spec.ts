import { z } from 'zod';
import { defineEvent } from '../events/define-event';
import { shippedContracts, snapshotFileName, snapshotOf, snapshotProblems, snapshotText, storedSnapshots } from './contract-snapshots';

const widgetMade = (version: number, schema: z.ZodType) => ({
  file: `libs/contracts/src/events/widget/widget-made.v${version}.ts`,
  contract: defineEvent({ producer: 'widget', noun: 'widget', verb: 'made', version, schema }),
});
const shippedV1 = widgetMade(1, z.object({ n: z.number() }));
/** The checked-in files of the given contracts, as they are now. */
const snapshotsOf = (...entries: (typeof shippedV1)[]) =>
  new Map(entries.map(({ contract }) => [snapshotFileName(contract.type), snapshotText(snapshotOf(contract))]));

describe('contract snapshots', () => {
  it('hold every shipped event version as it is', () => {
    const contracts = shippedContracts();
    expect(contracts.length).toBeGreaterThan(0);
    expect(snapshotProblems(contracts, storedSnapshots())).toEqual([]);
  });

  it('fail when a shipped contract changes: it is frozen, and a new version goes beside it', () => {
    const changed = widgetMade(1, z.object({ n: z.number(), colour: z.string() }));
    expect(snapshotProblems([changed], snapshotsOf(shippedV1))).toEqual([
      'rekindle.widget.widget.made.v1 (libs/contracts/src/events/widget/widget-made.v1.ts) differs from libs/contracts/schemas/rekindle.widget.widget.made.v1.json: ' +
        'a shipped contract is frozen; add a new version beside it (v2) and leave this one as it was',
    ]);
  });

  it('pass when a new version is added beside the shipped one with its snapshot', () => {
    const v2 = widgetMade(2, z.object({ n: z.number(), colour: z.string() }));
    expect(snapshotProblems([shippedV1, v2], snapshotsOf(shippedV1, v2))).toEqual([]);
  });

  it('fail for a contract without a snapshot, saying how to write it', () => {
    const v2 = widgetMade(2, z.object({ n: z.number(), colour: z.string() }));
    expect(snapshotProblems([shippedV1, v2], snapshotsOf(shippedV1))).toEqual([
      'rekindle.widget.widget.made.v2 (libs/contracts/src/events/widget/widget-made.v2.ts) has no JSON-Schema snapshot: ' +
        'write libs/contracts/schemas/rekindle.widget.widget.made.v2.json with `npx tsx libs/contracts/src/snapshots/contract-snapshots-cli.ts --write`',
    ]);
  });

  it('fail when a shipped contract is removed', () => {
    expect(snapshotProblems([], snapshotsOf(shippedV1))).toEqual([
      'libs/contracts/schemas/rekindle.widget.widget.made.v1.json has no contract any more: a shipped contract is frozen and stays beside its successors',
    ]);
  });
});
