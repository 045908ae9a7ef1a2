import { createExtension, type MigrationInterface, type QueryRunner } from '@rekindle/platform-database';

/**
 * The publisher has PostgreSQL write the CloudEvents of the log (RecordedEventBatchesQuery), so
 * events never travel to Node one by one. `stable_uuid` is the id each announces: a UUID in the
 * version 5 layout from SHA-1 of `rekindle.profile:<name>` (pgcrypto), the same id the publisher
 * derived in Node before, so a republish across this change still carries the same ids.
 */
export class PublishBatchesInSql1764400000000 implements MigrationInterface {
  name = 'PublishBatchesInSql1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await createExtension(runner, 'pgcrypto');
    // The variant nibble keeps its two low bits under 10xx: 0-f maps to 8, 9, a, b.
    await runner.query(`
      CREATE FUNCTION stable_uuid(name text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-5' || substr(h, 14, 3) || '-' ||
               translate(substr(h, 17, 1), '0123456789abcdef', '89ab89ab89ab89ab') || substr(h, 18, 3) || '-' || substr(h, 21, 12)
        FROM (SELECT encode(public.digest('rekindle.profile:' || name, 'sha1'), 'hex') AS h) AS hashed
      $$`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP FUNCTION stable_uuid(text)');
  }
}
