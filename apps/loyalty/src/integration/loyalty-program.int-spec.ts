import { randomUUID } from 'node:crypto';
import { DEFAULT_LOYALTY_PROGRAM, privilegeValueToText } from '@rekindle/loyalty-core';
import {
  createTestBus,
  postGraphQL,
  profileEvents,
  publishProfileEvents,
  startTestService,
  waitUntilConsumed,
  type TestBus,
  type TestService,
} from '@rekindle/platform-testing';
import { readAccount } from '../testing/loyalty-test-kit';
import type { LoyaltyService } from '../loyalty-service';
import { serviceDefinition } from '../service-definition';

const PROGRAM_FIELDS = `version reason tiers { key name multiplier privileges { key description value } promotion { activeMonths growthValue } }
  demotion { inactiveMonths } pointsPerUnit birthdayMultiplier pointsExpiryMonths`;
const UPDATE = `mutation($input: UpdateLoyaltyProgramInput!) { updateLoyaltyProgram(input: $input) { changed program { ${PROGRAM_FIELDS} } } }`;

type ProgramInput = {
  tiers: { key: string; name: string; multiplier: number; privileges: { key: string; description: string; value: string | null }[]; promotion: unknown }[];
  demotion: { inactiveMonths: number };
  pointsPerUnit: number;
  birthdayMultiplier: number;
  pointsExpiryMonths: number;
  reason?: string;
};

/** The default programme as an UpdateLoyaltyProgramInput. */
const defaultInput = (): ProgramInput => ({
  ...structuredClone(DEFAULT_LOYALTY_PROGRAM),
  tiers: DEFAULT_LOYALTY_PROGRAM.tiers.map((t) => ({
    ...structuredClone(t),
    privileges: t.privileges.map((p) => ({ ...p, value: privilegeValueToText(p.value) })),
  })),
});

describe('loyaltyProgram and updateLoyaltyProgram (real PostgreSQL/NATS)', () => {
  let bus: TestBus;
  let loyalty: TestService<LoyaltyService>;
  const update = (input: ProgramInput) =>
    postGraphQL<{ updateLoyaltyProgram: { changed: boolean; program: ProgramInput & { version: number; reason: string | null } } }>(loyalty.url, UPDATE, {
      input,
    });

  beforeAll(async () => {
    bus = await createTestBus('loyalty_program');
    loyalty = await startTestService(serviceDefinition, { label: 'loyalty_program', busPrefix: bus.prefix, now: '2030-06-15T12:00:00Z' });
  });
  afterAll(async () => {
    await loyalty?.stop();
    await bus?.cleanup();
  });

  it('starts with the default programme as version 1', async () => {
    const result = await postGraphQL<{ loyaltyProgram: unknown }>(loyalty.url, `{ loyaltyProgram { ${PROGRAM_FIELDS} } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data?.loyaltyProgram).toEqual({ version: 1, reason: 'default programme', ...defaultInput() });
  });

  it.each<[string, (p: ProgramInput) => void, string]>([
    ['a zero multiplier', (p) => void (p.tiers[2]!.multiplier = 0), 'tiers[2].multiplier'],
    ['thresholds decreasing up the tiers', (p) => void ((p.tiers[3]!.promotion as { activeMonths: number }).activeMonths = 2), 'tiers[3].promotion.activeMonths'],
    ['tiers out of order', (p) => void ([p.tiers[1], p.tiers[2]] = [p.tiers[2]!, p.tiers[1]!]), 'tiers[1].key'],
    ['a missing promotion', (p) => void (p.tiers[1]!.promotion = null), 'tiers[1].promotion'],
    ['a privilege that is not a scalar', (p) => void (p.tiers[1]!.privileges[0]!.value = '{"a":1}'), 'tiers[1].privileges[0].value'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and keeps version 1', async (_case, edit, field) => {
    const input = defaultInput();
    edit(input);
    const result = await update(input);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    const current = await postGraphQL<{ loyaltyProgram: { version: number } }>(loyalty.url, '{ loyaltyProgram { version } }');
    expect(current.data?.loyaltyProgram.version).toBe(1);
  });

  it('appends a version, idempotently, which the next orders earn by', async () => {
    const input = defaultInput();
    input.tiers[0]!.multiplier = 1.5;
    input.tiers[1]!.privileges.push({ key: 'LOUNGE', description: 'Lounge access', value: 'VIP lounge' }, { key: 'CODE', description: 'A code', value: '"5"' });
    input.reason = 'summer campaign';
    const first = await update(input);
    expect(first.errors).toBeUndefined();
    expect(first.data?.updateLoyaltyProgram).toMatchObject({ changed: true, program: { version: 2, reason: 'summer campaign' } });
    expect(first.data?.updateLoyaltyProgram.program.tiers[1]!.privileges.map((p) => p.value)).toEqual(['5', 'VIP lounge', '"5"']);
    const again = await update(input);
    expect(again.data?.updateLoyaltyProgram).toMatchObject({ changed: false, program: { version: 2 } });

    const id = randomUUID();
    await publishProfileEvents(bus, profileEvents.order(id, '2030-06-14T10:00:00Z', 'prog-o1', '10.99'));
    await waitUntilConsumed(bus);
    expect((await readAccount(loyalty.url, id))!.points).toBe(15);
    const [order] = await loyalty.service.dataSource.query(`SELECT program_version FROM loyalty_order WHERE order_id = 'prog-o1'`);
    expect(order.program_version).toBe(2);
  });
});
