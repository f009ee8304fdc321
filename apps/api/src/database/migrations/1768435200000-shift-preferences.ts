import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { auditColumns, id, ref, text } from './columns';

/**
 * Agents' shift preferences (issue 4): a wish to work or to be free on a local date or on
 * weekdays, optionally in a window, on the wall clock of the zone it was entered in. Read by the
 * roster generator as soft requests.
 */
export class ShiftPreferences1768435200000 implements MigrationInterface {
  name = 'ShiftPreferences1768435200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'shift_preferences',
        columns: [
          id(),
          ref('agent_id'),
          text('kind', 8),
          // YYYY-MM-DD, or null for a weekly preference.
          text('date', 10, true),
          // ISO weekdays as "1,3,5"; empty with a date.
          text('weekdays', 16),
          text('start_time', 5, true),
          text('end_time', 5, true),
          text('time_zone', 64),
          text('strength', 8),
          text('note', 200, true),
          ...auditColumns(),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'IDX_shift_preferences_agent', columnNames: ['agent_id', 'date'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('shift_preferences');
  }
}
