import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** What a feed's stored calendar (FeedBodyEntity) was rendered from, and its validators (see FeedPublisher). */
@Entity({ name: 'feed_renders' })
export class FeedRenderEntity {
  @PrimaryColumn({ name: 'feed_id', type: 'varchar', length: 36 })
  feedId!: string;

  @Column({ name: 'render_id', type: 'varchar', length: 36 })
  renderId!: string;

  /** The team's ScheduleVersionEntity.version when rendering started ('' before any). */
  @Column({ type: 'varchar', length: 36 })
  version!: string;

  @Column({ type: 'varchar', length: 200 })
  settings!: string;

  /** UTC day number (epoch ms / 86,400,000) of the window. */
  @Column({ type: 'integer' })
  day!: number;

  @InstantColumn('valid_until', { nullable: true })
  validUntil!: string | null;

  @Column({ type: 'varchar', length: 64 })
  etag!: string;

  @InstantColumn('last_modified')
  lastModified!: string;

  /** Octets of the body before gzip. */
  @Column({ name: 'byte_length', type: 'integer' })
  byteLength!: number;

  @InstantColumn('checked_at')
  checkedAt!: string;
}

/** A feed's stored calendar, gzipped; apart from its metadata, which every poll reads. */
@Entity({ name: 'feed_bodies' })
export class FeedBodyEntity {
  @PrimaryColumn({ name: 'feed_id', type: 'varchar', length: 36 })
  feedId!: string;

  @Column({ name: 'render_id', type: 'varchar', length: 36 })
  renderId!: string;

  /** base64 of the gzipped body. */
  @Column({ name: 'body_gzip', type: 'text' })
  bodyGzip!: string;
}
