import { type MigrationInterface, type QueryRunner, Table, TableIndex } from 'typeorm';
import { id, instant, ref, text } from './columns';

/**
 * The audit trail: one row per change of a record that people argue about later (swap
 * requests and time off in issue 5, bands and salaries in issue 7). Rows are only ever
 * inserted: history is never rewritten, an undo is a new row.
 */
export class AuditTrail1767484800000 implements MigrationInterface {
  name = 'AuditTrail1767484800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'audit_entries',
        columns: [
          id(),
          // Not a foreign key: the trail must outlive a deleted team or user.
          ref('team_id', true),
          text('entity_type', 32),
          ref('entity_id'),
          text('action', 32),
          ref('actor_user_id', true),
          // Display name at the time, so the trail still reads well after a user is renamed or gone.
          text('actor_name', 120),
          // JSON snapshots of the record before and after the change (null on create / delete).
          { name: 'before', type: 'text', isNullable: true },
          { name: 'after', type: 'text', isNullable: true },
          text('comment', 500, true),
          instant('created_at'),
          // Insertion order: entries written in one transaction share created_at.
          { name: 'seq', type: 'integer', isNullable: false },
        ],
        indices: [
          new TableIndex({ name: 'IDX_audit_entries_entity', columnNames: ['entity_type', 'entity_id', 'seq'] }),
          new TableIndex({ name: 'IDX_audit_entries_team', columnNames: ['team_id', 'created_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('audit_entries');
  }
}
