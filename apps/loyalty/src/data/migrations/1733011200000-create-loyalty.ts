import { DEFAULT_LOYALTY_PROGRAM } from '@rekindle/loyalty-core';
import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

const TIERS = `('MEMBER', 'SILVER', 'GOLD', 'PLATINUM')`;
const MONTH = `'^[0-9]{4}-(0[1-9]|1[0-2])$'`;

/**
 * The loyalty schema: programme versions, accounts, the append-only points ledger, what each order
 * earned (for reversals), reversals waiting for their order, active months and growth per month
 * (fed by profile events), the tier-change history, and the outcome of every idempotent request.
 * No foreign keys: rows are written only by this service's use cases, which create the account first.
 */
export class CreateLoyalty1733011200000 implements MigrationInterface {
  name = 'CreateLoyalty1733011200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE loyalty_program (
        version int PRIMARY KEY CHECK (version > 0),
        program jsonb NOT NULL,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Version 1 is the programme of issue 4; updateLoyaltyProgram appends the next versions.
    await runner.query(`INSERT INTO loyalty_program (version, program, reason) VALUES (1, $1::jsonb, 'default programme')`, [
      JSON.stringify(DEFAULT_LOYALTY_PROGRAM),
    ]);

    await runner.query(`
      CREATE TABLE loyalty_account (
        customer_id uuid PRIMARY KEY,
        tier text NOT NULL CHECK (tier IN ${TIERS}),
        tier_since timestamptz NOT NULL,
        -- the first month-end to evaluate; moves back while nothing has been evaluated and older activity arrives
        start_month text NOT NULL CHECK (start_month ~ ${MONTH}),
        last_evaluated_month text CHECK (last_evaluated_month ~ ${MONTH}),
        birth_date date,
        -- the time of the profile event birth_date was taken from: an older event never overwrites a newer one
        profile_changed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX loyalty_account_tier_idx ON loyalty_account (tier)');
    await runner.query('CREATE INDEX loyalty_account_evaluated_idx ON loyalty_account (last_evaluated_month, customer_id)');

    await runner.query(`
      CREATE TABLE ledger_entry (
        seq bigserial NOT NULL UNIQUE,
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        type text NOT NULL CHECK (type IN ('EARN', 'REDEEM', 'EXPIRE', 'REVERSAL', 'ADJUST')),
        points bigint NOT NULL,
        occurred_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- credits (EARN, positive ADJUST) only: when the lot's unspent points expire
        expires_at timestamptz,
        -- debits only: [{ lotId, points }], the lots the points came from
        allocations jsonb,
        -- REVERSAL only: points due that could not be taken back because they were spent
        shortfall bigint,
        cause_event_id uuid,
        order_id text,
        reason text,
        idempotency_key text,
        program_version int,
        CONSTRAINT ledger_entry_sign_check CHECK (
          (type = 'EARN' AND points >= 0) OR (type IN ('REDEEM', 'EXPIRE', 'REVERSAL') AND points <= 0) OR (type = 'ADJUST' AND points <> 0)),
        CONSTRAINT ledger_entry_credit_check CHECK (CASE WHEN type = 'EARN' OR (type = 'ADJUST' AND points > 0)
          THEN expires_at IS NOT NULL AND allocations IS NULL ELSE expires_at IS NULL AND allocations IS NOT NULL END),
        CONSTRAINT ledger_entry_shortfall_check CHECK (shortfall IS NULL OR (type = 'REVERSAL' AND shortfall >= 0))
      )`);
    await runner.query('CREATE INDEX ledger_entry_customer_idx ON ledger_entry (customer_id, seq)');
    // Earning is idempotent by the causing event, even without the inbox.
    await runner.query(`CREATE UNIQUE INDEX ledger_entry_earn_event_idx ON ledger_entry (cause_event_id) WHERE type = 'EARN'`);
    await runner.query('CREATE UNIQUE INDEX ledger_entry_idempotency_idx ON ledger_entry (idempotency_key) WHERE idempotency_key IS NOT NULL');
    await runner.query('CREATE INDEX ledger_entry_expiry_idx ON ledger_entry (expires_at) WHERE expires_at IS NOT NULL');
    // The ledger is append-only: the balance is its sum, and nothing is ever edited in place.
    await runner.query(`
      CREATE FUNCTION ledger_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'ledger_entry is append-only: % is not allowed', TG_OP;
      END $$`);
    await runner.query(`
      CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
      FOR EACH ROW EXECUTE FUNCTION ledger_entry_append_only()`);

    await runner.query(`
      CREATE TABLE loyalty_order (
        order_id text PRIMARY KEY,
        customer_id uuid NOT NULL,
        placed_at timestamptz NOT NULL,
        currency char(3) NOT NULL,
        value numeric(18, 4) NOT NULL,
        tier text NOT NULL CHECK (tier IN ${TIERS}),
        birthday_bonus boolean NOT NULL,
        earned_points bigint NOT NULL,
        growth bigint NOT NULL,
        -- the EARN entry (and lot); null when the order earned 0 points
        earn_entry_id uuid,
        event_id uuid NOT NULL,
        program_version int NOT NULL,
        reversed_amount numeric(18, 4) NOT NULL DEFAULT 0,
        points_reversed bigint NOT NULL DEFAULT 0,
        growth_reversed bigint NOT NULL DEFAULT 0
      )`);
    await runner.query('CREATE INDEX loyalty_order_customer_idx ON loyalty_order (customer_id, placed_at)');

    await runner.query(`
      CREATE TABLE loyalty_order_reversal (
        event_id uuid PRIMARY KEY,
        order_id text NOT NULL,
        customer_id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('CANCELLED', 'REFUNDED')),
        amount numeric(18, 4) NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL DEFAULT now(),
        -- null while parked: the order has not been seen yet
        applied_at timestamptz,
        points bigint,
        shortfall bigint,
        growth bigint,
        entry_id uuid
      )`);
    await runner.query('CREATE INDEX loyalty_order_reversal_parked_idx ON loyalty_order_reversal (order_id, occurred_at) WHERE applied_at IS NULL');

    await runner.query(`
      CREATE TABLE loyalty_active_month (
        customer_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ ${MONTH}),
        PRIMARY KEY (customer_id, month)
      )`);
    await runner.query(`
      CREATE TABLE loyalty_growth_month (
        customer_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ ${MONTH}),
        growth bigint NOT NULL,
        PRIMARY KEY (customer_id, month)
      )`);

    await runner.query(`
      CREATE TABLE loyalty_tier_change (
        customer_id uuid NOT NULL,
        month text NOT NULL CHECK (month ~ ${MONTH}),
        from_tier text NOT NULL CHECK (from_tier IN ${TIERS}),
        to_tier text NOT NULL CHECK (to_tier IN ${TIERS}),
        effective_at timestamptz NOT NULL,
        reason text NOT NULL,
        event_id uuid NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- at most one change per month end
        PRIMARY KEY (customer_id, month)
      )`);
    await runner.query('CREATE INDEX loyalty_tier_change_effective_idx ON loyalty_tier_change (customer_id, effective_at)');

    await runner.query(`
      CREATE TABLE loyalty_request (
        idempotency_key text PRIMARY KEY,
        operation text NOT NULL CHECK (operation IN ('REDEEM', 'ADJUST')),
        customer_id uuid NOT NULL,
        points bigint NOT NULL,
        reason text NOT NULL,
        -- the outcome, kept so that a retry with the same key gets the first answer
        entry_id uuid,
        balance_after bigint,
        error_code text,
        error_message text,
        error_details jsonb,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE loyalty_request, loyalty_tier_change, loyalty_growth_month, loyalty_active_month,
      loyalty_order_reversal, loyalty_order, ledger_entry, loyalty_account, loyalty_program`);
    await runner.query('DROP FUNCTION ledger_entry_append_only()');
  }
}
