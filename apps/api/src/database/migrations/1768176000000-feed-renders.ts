import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { instant, ref, text } from './columns';

/**
 * Stored feeds (issue 8, load): each feed's rendered calendar (gzip) with its ETag and
 * Last-Modified, so a poll answers from the database instead of resolving and rendering again;
 * and a version per team that every write touching what a feed shows replaces, so any API
 * instance can tell a stored feed is out of date with one small read.
 */
export class FeedRenders1768176000000 implements MigrationInterface {
  name = 'FeedRenders1768176000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'schedule_versions',
        columns: [
          { ...ref('team_id'), isPrimary: true },
          // A random UUID, replaced (never counted up: an upsert needs no read) on every change.
          text('version', 36),
          instant('changed_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'feed_renders',
        columns: [
          { ...ref('feed_id'), isPrimary: true },
          // New for every body written: in-process copies of the body are keyed by it.
          text('render_id', 36),
          // What the body was rendered from: the team's schedule version, the feed's settings
          // (window, transparency, refresh interval, writer format) and the UTC day (the window
          // moves at 00:00 UTC).
          text('version', 36),
          text('settings', 200),
          { name: 'day', type: 'integer', isNullable: false },
          // When the first cancelled event in it runs out (the body changes then); null for never.
          instant('valid_until', true),
          text('etag', 64),
          instant('last_modified'),
          { name: 'byte_length', type: 'integer', isNullable: false },
          // base64 of the gzipped body: text is portable (no binary type both databases share).
          { name: 'body_gzip', type: 'text', isNullable: false },
          // Last time a resolution confirmed the body (a write that bypassed the API shows after at most an hour).
          instant('checked_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['feed_id'], referencedTableName: 'feeds', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feed_renders');
    await queryRunner.dropTable('schedule_versions');
  }
}
