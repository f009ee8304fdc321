import { type MigrationInterface, type QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { bool, id, instant, ref, text } from './columns';

/**
 * Roster generation jobs (issue 4) in the database, so every API process sees a job's progress
 * and result, can cancel it and apply it, whichever process runs the solver; and so a job whose
 * process died shows as failed instead of vanishing.
 */
export class RosterJobs1768003200000 implements MigrationInterface {
  name = 'RosterJobs1768003200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'roster_jobs',
        columns: [
          id(),
          ref('team_id'),
          text('status', 16),
          // The contract's RosterJob as JSON (progress and result included).
          { name: 'job', type: 'text', isNullable: false },
          // The draft shifts a finished job would apply, as JSON; null until there is a roster.
          { name: 'drafts', type: 'text', isNullable: true },
          // host:pid:random of the process running the solver.
          text('owner', 120),
          bool('cancel_requested'),
          // Refreshed while the job is queued or running; a stale heartbeat means its process died.
          instant('heartbeat_at'),
          instant('created_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'IDX_roster_jobs_team', columnNames: ['team_id', 'created_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('roster_jobs');
  }
}
