import { type MigrationInterface, type QueryRunner, Table, TableCheck, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { bool, id, instant, ref, text } from './columns';

const int = (name: string, nullable = false): { name: string; type: string; isNullable: boolean } => ({ name, type: 'integer', isNullable: nullable });

/**
 * Calendar feeds (issue 6): secret-URL feeds (token stored only as a SHA-256 hash), what each
 * feed has published (so SEQUENCE rises on every change and removed shifts stay CANCELLED for 30
 * days), and external calendars imported as an agent's unavailability. Portable QueryRunner API
 * only (SQLite and PostgreSQL); constraints inside `new Table(...)` for SQLite's sake.
 */
export class CalendarFeeds1767657600000 implements MigrationInterface {
  name = 'CalendarFeeds1767657600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'feeds',
        columns: [
          id(),
          text('kind', 16),
          ref('team_id'),
          ref('agent_id', true),
          // `agent:<id>`, `team:<id>` or `gaps:<id>`: one feed per subject (a NULL agent_id would
          // not make a composite unique key unique).
          text('subject', 48),
          // Hex SHA-256 of the URL token; the token itself is never stored.
          text('token_hash', 64),
          text('token_hint', 8),
          int('past_days'),
          int('future_days'),
          text('transparency', 16),
          // Published state of the feed as a whole: digest of the current events, the ETag and
          // Last-Modified it answers with, and when its first cancelled event runs out.
          text('content_digest', 64, true),
          text('etag', 64, true),
          instant('last_modified', true),
          instant('next_expiry_at', true),
          ref('created_by', true),
          instant('created_at'),
          instant('rotated_at'),
          instant('updated_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_feeds_token_hash', columnNames: ['token_hash'] }), new TableUnique({ name: 'UQ_feeds_subject', columnNames: ['subject'] })],
        checks: [
          new TableCheck({ name: 'CHK_feeds_kind', expression: `"kind" IN ('agent', 'team', 'gaps')` }),
          new TableCheck({ name: 'CHK_feeds_transparency', expression: `"transparency" IN ('opaque', 'transparent')` }),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [new TableIndex({ name: 'IDX_feeds_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feed_events',
        columns: [
          { ...ref('feed_id'), isPrimary: true },
          { ...text('uid', 200), isPrimary: true },
          text('fingerprint', 64),
          int('sequence'),
          instant('last_modified'),
          instant('cancelled_at', true),
          // JSON of the content last published (FeedEventContent), to write a cancelled event.
          { name: 'content', type: 'text', isNullable: false },
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['feed_id'], referencedTableName: 'feeds', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'calendar_imports',
        columns: [
          id(),
          ref('team_id'),
          ref('agent_id'),
          text('url', 2048, true),
          text('label', 120),
          text('last_status', 16, true),
          text('last_error', 500, true),
          instant('last_fetched_at', true),
          instant('last_succeeded_at', true),
          int('span_count'),
          ref('created_by', true),
          instant('created_at'),
          instant('updated_at'),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
        ],
        indices: [new TableIndex({ name: 'IDX_calendar_imports_agent', columnNames: ['agent_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'unavailability_spans',
        columns: [
          id(),
          ref('import_id'),
          ref('agent_id'),
          // [start_at, end_at) UTC; time_zone is the source event's IANA zone (null: UTC or floating).
          instant('start_at'),
          instant('end_at'),
          text('time_zone', 64, true),
          bool('all_day'),
          text('summary', 200),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['import_id'], referencedTableName: 'calendar_imports', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'IDX_unavailability_spans_agent', columnNames: ['agent_id', 'start_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('unavailability_spans');
    await queryRunner.dropTable('calendar_imports');
    await queryRunner.dropTable('feed_events');
    await queryRunner.dropTable('feeds');
  }
}
