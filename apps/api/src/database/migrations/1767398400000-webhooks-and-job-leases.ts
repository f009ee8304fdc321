import { type MigrationInterface, type QueryRunner, Table, TableCheck, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { id, instant, ref, text } from './columns';

const int = (name: string, nullable = false): { name: string; type: string; isNullable: boolean } => ({ name, type: 'integer', isNullable: nullable });

/**
 * Watching (issue 3 §6): a per-team webhook (URL + signing secret in team_settings), the
 * delivery log the retry job works through, and the job leases that let one API process run a
 * periodic job when several share a database. Portable QueryRunner API only (SQLite and
 * PostgreSQL); constraints inside `new Table(...)` for SQLite's sake.
 */
export class WebhooksAndJobLeases1767398400000 implements MigrationInterface {
  name = 'WebhooksAndJobLeases1767398400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumns('team_settings', [
      new TableColumn(text('webhook_url', 2048, true)),
      // Hex HMAC key; kept in clear because signing needs it (it is never returned after creation).
      new TableColumn(text('webhook_secret', 64, true)),
    ]);
    await queryRunner.createTable(
      new Table({
        name: 'webhook_deliveries',
        columns: [
          id(),
          ref('team_id'),
          text('event_type', 32),
          // The JSON body exactly as signed and sent on every attempt.
          { name: 'payload', type: 'text', isNullable: false },
          text('status', 16),
          int('attempts'),
          int('last_status_code', true),
          text('last_error', 500, true),
          // Due time of the next attempt (UTC); also pushed ahead while an attempt is in flight.
          instant('next_attempt_at', true),
          instant('delivered_at', true),
          instant('created_at'),
        ],
        checks: [new TableCheck({ name: 'CHK_webhook_deliveries_status', expression: `"status" IN ('pending', 'delivered', 'failed')` })],
        foreignKeys: [new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [
          new TableIndex({ name: 'IDX_webhook_deliveries_due', columnNames: ['status', 'next_attempt_at'] }),
          new TableIndex({ name: 'IDX_webhook_deliveries_team', columnNames: ['team_id', 'created_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'job_leases',
        columns: [
          { ...text('name', 64), isPrimary: true },
          // Which process holds it (host:pid:random); '' when nobody ever did.
          text('holder', 120),
          // The lease is free from this instant on (UTC), so a crashed holder is taken over.
          instant('expires_at'),
          instant('updated_at'),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('job_leases');
    await queryRunner.dropTable('webhook_deliveries');
    await queryRunner.dropColumn('team_settings', 'webhook_secret');
    await queryRunner.dropColumn('team_settings', 'webhook_url');
  }
}
