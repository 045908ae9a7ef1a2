import { lockForTransaction, type EntityManager } from '@rekindle/platform-database';
import { loyaltyProgramSchema, type LoyaltyProgram, type LoyaltyTier, type Privilege } from '@rekindle/loyalty-core';

/** A tier of the programme, as `LoyaltyTierDefinition` shows it. */
export type TierDefinitionModel = LoyaltyTier;

/** A privilege, as `LoyaltyPrivilege` shows it. */
export type PrivilegeModel = Privilege;

/** One version of the programme; the current one is the latest. */
export interface ProgramVersionModel {
  version: number;
  program: LoyaltyProgram;
  reason: string | null;
  createdAt: Date;
}

interface ProgramRow {
  version: number;
  program: unknown;
  reason: string | null;
  created_at: Date;
}

/** Appending a version is serialised, so two updates never race for the same number. */
const APPEND_LOCK = 'loyalty-program-append';

/** The programme's versions, append-only: an update adds a version, the old ones stay for the record. */
export class ProgramRepository {
  async current(manager: EntityManager): Promise<ProgramVersionModel> {
    const rows: ProgramRow[] = await manager.query('SELECT version, program, reason, created_at FROM loyalty_program ORDER BY version DESC LIMIT 1');
    const row = rows[0];
    if (!row) throw new Error('loyalty_program holds no version: the migrations seed version 1');
    return { version: row.version, program: loyaltyProgramSchema.parse(row.program), reason: row.reason, createdAt: row.created_at };
  }

  /** Serialises programme updates until the transaction ends (read the current version after this). */
  async lockForUpdate(manager: EntityManager): Promise<void> {
    await lockForTransaction(manager, APPEND_LOCK);
  }

  /** Appends the next version; call inside a transaction (it holds a lock until the end). */
  async append(manager: EntityManager, program: LoyaltyProgram, reason: string | null): Promise<ProgramVersionModel> {
    await this.lockForUpdate(manager);
    const [row]: ProgramRow[] = await manager.query(
      `INSERT INTO loyalty_program (version, program, reason)
       SELECT coalesce(max(version), 0) + 1, $1::jsonb, $2 FROM loyalty_program
       RETURNING version, program, reason, created_at`,
      [JSON.stringify(program), reason],
    );
    if (!row) throw new Error('appending a programme version returned nothing');
    return { version: row.version, program, reason: row.reason, createdAt: row.created_at };
  }
}
