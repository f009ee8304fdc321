import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * A manager can lock a shift (issue 4: "locked shifts the manager pinned"): the roster generator
 * keeps a locked draft as it is and re-optimises around it, and applying a generated roster never
 * replaces it. Existing shifts are unlocked (a default is needed for the rows already there).
 */
export class ShiftLocks1767916800000 implements MigrationInterface {
  name = 'ShiftLocks1767916800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('shifts', new TableColumn({ name: 'locked', type: 'boolean', isNullable: false, default: false }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('shifts', 'locked');
  }
}
