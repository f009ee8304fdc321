import { type MigrationInterface, type QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { bool, id, instant, ref, text } from './columns';

const int = (name: string, nullable = false) => ({ name, type: 'integer', isNullable: nullable });
const json = (name: string) => ({ name, type: 'text', isNullable: true });

/**
 * Agents' requests (issue 5): swaps, give-aways and time off in one table with a state machine,
 * the in-app notices they raise, and the team's approval policy.
 */
export class Requests1767571200000 implements MigrationInterface {
  name = 'Requests1767571200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The one column default in the schema: existing teams need a value, and 'manager' (approve
    // everything) is the safe one.
    await queryRunner.addColumn('team_settings', new TableColumn({ ...text('request_approval', 24), default: "'manager'" }));
    await queryRunner.createTable(
      new Table({
        name: 'shift_requests',
        columns: [
          id(),
          ref('team_id'),
          text('kind', 16),
          text('state', 16),
          ref('requester_agent_id'),
          ref('target_agent_id', true),
          bool('offered'),
          // Final-schedule shift ids: uuids for manual shifts, `<rotation>:<date>:<agent>` (+ pieces) otherwise.
          text('shift_id', 200, true),
          json('shift_snapshot'),
          text('target_shift_id', 200, true),
          json('target_shift_snapshot'),
          instant('time_off_start', true),
          instant('time_off_end', true),
          text('time_off_zone', 64, true),
          text('time_off_first_date', 10, true),
          text('time_off_last_date', 10, true),
          text('time_off_reason', 24, true),
          // Hull of everything the request touches (UTC), so resolution loads only the requests near its window.
          instant('span_start'),
          instant('span_end'),
          text('note', 500, true),
          ref('created_by_user_id', true),
          text('created_by_name', 120),
          ref('decided_by_user_id', true),
          text('decided_by_name', 120, true),
          text('decision_comment', 500, true),
          instant('expires_at'),
          instant('applied_at', true),
          // Order in which approved requests apply (swaps of a swapped shift chain in this order).
          int('applied_seq', true),
          instant('undone_at', true),
          int('version'),
          instant('created_at'),
          instant('updated_at'),
        ],
        checks: [
          new TableCheck({ name: 'CHK_shift_requests_kind', expression: `"kind" IN ('swap', 'give-away', 'time-off')` }),
          new TableCheck({ name: 'CHK_shift_requests_state', expression: `"state" IN ('pending', 'accepted', 'approved', 'declined', 'cancelled', 'expired', 'undone')` }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['requester_agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['target_agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [
          new TableIndex({ name: 'IDX_shift_requests_team_state', columnNames: ['team_id', 'state', 'span_start'] }),
          new TableIndex({ name: 'IDX_shift_requests_due', columnNames: ['state', 'expires_at'] }),
          new TableIndex({ name: 'IDX_shift_requests_requester', columnNames: ['requester_agent_id', 'created_at'] }),
          new TableIndex({ name: 'IDX_shift_requests_target', columnNames: ['target_agent_id', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'notices',
        columns: [id(), ref('user_id'), ref('request_id', true), text('message', 500), instant('created_at'), instant('read_at', true)],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['user_id'], referencedTableName: 'users', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['request_id'], referencedTableName: 'shift_requests', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [new TableIndex({ name: 'IDX_notices_user', columnNames: ['user_id', 'created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('notices');
    await queryRunner.dropTable('shift_requests');
    await queryRunner.dropColumn('team_settings', 'request_approval');
  }
}
