import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { instant, text } from './columns';

/**
 * Failed sign-ins per email (issue 8), in the database so that every API instance counts the
 * same failures and honours the same lock-out. Keyed by the SHA-256 of the lower-cased email:
 * unknown emails are counted exactly like real ones (the answer must not tell them apart)
 * without keeping what strangers typed.
 */
export class LoginLockouts1768262400000 implements MigrationInterface {
  name = 'LoginLockouts1768262400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'login_lockouts',
        columns: [
          { ...text('email_hash', 64), isPrimary: true },
          { name: 'failures', type: 'integer', isNullable: false },
          // The first failure of the current count; failures older than the window start over.
          instant('window_started_at'),
          instant('locked_until', true),
          instant('updated_at'),
        ],
        indices: [new TableIndex({ name: 'IDX_login_lockouts_updated', columnNames: ['updated_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('login_lockouts');
  }
}
