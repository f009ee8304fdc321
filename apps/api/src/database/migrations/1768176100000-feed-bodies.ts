import { type MigrationInterface, type QueryRunner, Table, TableForeignKey } from 'typeorm';
import { instant, ref, text } from './columns';

/**
 * Stored feed bodies move out of `feed_renders` into `feed_bodies`: every poll reads a stored
 * feed's metadata, and SQLite reaches a column stored after a multi-megabyte value only by walking
 * that value's overflow pages (~2 ms for a 4 MB body, on the one connection all requests share).
 * `feed_renders` is a cache, so it is recreated empty (each feed renders again on its next poll).
 */
export class FeedBodies1768176100000 implements MigrationInterface {
  name = 'FeedBodies1768176100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feed_renders');
    await queryRunner.createTable(new Table({ name: 'feed_renders', columns: renderColumns(), foreignKeys: [feedKey()] }));
    await queryRunner.createTable(
      new Table({
        name: 'feed_bodies',
        columns: [
          { ...ref('feed_id'), isPrimary: true },
          // The feed_renders.render_id this body belongs to.
          text('render_id', 36),
          // base64 of the gzipped body: text is portable (no binary type both databases share).
          { name: 'body_gzip', type: 'text', isNullable: false },
        ],
        foreignKeys: [feedKey()],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('feed_bodies');
    await queryRunner.dropTable('feed_renders');
    await queryRunner.createTable(
      new Table({ name: 'feed_renders', columns: [...renderColumns(), { name: 'body_gzip', type: 'text', isNullable: false }], foreignKeys: [feedKey()] }),
    );
  }
}

const feedKey = () => new TableForeignKey({ columnNames: ['feed_id'], referencedTableName: 'feeds', referencedColumnNames: ['id'], onDelete: 'CASCADE' });

/** feed_renders as 1768176000000 made it, without the body. */
function renderColumns() {
  return [
    { ...ref('feed_id'), isPrimary: true },
    text('render_id', 36),
    text('version', 36),
    text('settings', 200),
    { name: 'day', type: 'integer', isNullable: false },
    instant('valid_until', true),
    text('etag', 64),
    instant('last_modified'),
    { name: 'byte_length', type: 'integer', isNullable: false },
    instant('checked_at'),
  ];
}
