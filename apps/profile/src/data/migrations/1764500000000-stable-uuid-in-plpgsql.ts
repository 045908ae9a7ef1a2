import type { MigrationInterface, QueryRunner } from '@rekindle/platform-database';

const layout = (body: string) => `
  substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-5' || substr(h, 14, 3) || '-' ||
  translate(substr(h, 17, 1), '0123456789abcdef', '89ab89ab89ab89ab') || substr(h, 18, 3) || '-' || substr(h, 21, 12)${body}`;

/**
 * stable_uuid, same ids, in PL/pgSQL. As a SQL function its body (a SELECT with a FROM) could not
 * be inlined, so every call ran a subquery of its own, and the publisher makes one or two calls per
 * event (what that cost: apps/profile/README.md).
 */
export class StableUuidInPlpgsql1764500000000 implements MigrationInterface {
  name = 'StableUuidInPlpgsql1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION stable_uuid(name text) RETURNS text
      LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
        DECLARE h text := encode(public.digest('rekindle.profile:' || name, 'sha1'), 'hex');
        BEGIN
          RETURN ${layout(';')}
        END
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE OR REPLACE FUNCTION stable_uuid(name text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ${layout('')}
        FROM (SELECT encode(public.digest('rekindle.profile:' || name, 'sha1'), 'hex') AS h) AS hashed
      $$`);
  }
}
