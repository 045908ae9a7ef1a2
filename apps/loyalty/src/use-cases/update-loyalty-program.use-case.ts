import { InputError } from '@rekindle/util';
import { inTransaction, type DataSource } from '@rekindle/platform-database';
import { privilegeValueFromText, validateLoyaltyProgram, type LoyaltyProgram } from '@rekindle/loyalty-core';
import type { ProgramVersionModel } from '../data/program.repository';
import type { LoyaltyRepositories } from '../data/repositories';

/** The programme as GraphQL hands it over (privilege values as text, optional parts possibly absent). */
export interface LoyaltyProgramInput {
  tiers: readonly {
    key: string;
    name: string;
    multiplier: number;
    privileges?: readonly { key: string; description: string; value?: string | null }[] | null;
    promotion?: { activeMonths: number; growthValue: number } | null;
  }[];
  demotion: { inactiveMonths: number };
  pointsPerUnit: number;
  birthdayMultiplier: number;
  pointsExpiryMonths: number;
  reason?: string | null;
}

export interface UpdateLoyaltyProgramResult {
  program: ProgramVersionModel;
  /** False when the input equals the current programme: no version was added. */
  changed: boolean;
}

/** JSON with object keys sorted, so two equal programmes compare equal whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const MAX_REASON = 500;

/**
 * updateLoyaltyProgram: validates the whole programme (tiers ordered, multipliers positive,
 * thresholds non-decreasing, …; BAD_USER_INPUT naming each field at fault) and appends it as the
 * next version. Idempotent: the current programme sent again adds nothing. Orders earn by the
 * version current when loyalty hears of them; lots already earned keep their expiry.
 */
export class UpdateLoyaltyProgramUseCase {
  constructor(private readonly deps: { dataSource: DataSource; repos: LoyaltyRepositories }) {}

  async execute(input: LoyaltyProgramInput): Promise<UpdateLoyaltyProgramResult> {
    const { reason, ...rest } = input;
    const trimmed = reason?.trim() || null;
    if (trimmed && trimmed.length > MAX_REASON) throw new InputError([{ field: 'reason', message: `must be at most ${MAX_REASON} characters` }]);
    const candidate = {
      ...rest,
      tiers: rest.tiers.map((tier) => ({
        ...tier,
        privileges: (tier.privileges ?? []).map((p) => ({ ...p, value: privilegeValueFromText(p.value) })),
        promotion: tier.promotion ?? null,
      })),
    };
    const validation = validateLoyaltyProgram(candidate);
    if (!validation.ok) throw new InputError(validation.issues);
    const program: LoyaltyProgram = validation.program;
    const { repos } = this.deps;
    return inTransaction(this.deps.dataSource, async (manager) => {
      await repos.programs.lockForUpdate(manager);
      const current = await repos.programs.current(manager);
      if (canonical(current.program) === canonical(program)) return { program: current, changed: false };
      return { program: await repos.programs.append(manager, program, trimmed), changed: true };
    });
  }
}
