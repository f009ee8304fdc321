import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';
import { instant } from './columns';

/**
 * Temporary passwords (logins made for imported agents): until the person chooses their own
 * password, `password_expires_at` holds when the temporary one stops working. Null: a password
 * the person chose (or a manager set, as before). Nullable, so existing rows need no default.
 */
export class TemporaryPasswords1768521600000 implements MigrationInterface {
  name = 'TemporaryPasswords1768521600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('users', new TableColumn(instant('password_expires_at', true)));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('users', 'password_expires_at');
  }
}
