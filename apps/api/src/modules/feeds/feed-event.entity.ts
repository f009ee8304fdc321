import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** What one feed has published about one event (UID): its SEQUENCE, LAST-MODIFIED and content. */
@Entity({ name: 'feed_events' })
export class FeedEventEntity {
  @PrimaryColumn({ name: 'feed_id', type: 'varchar', length: 36 })
  feedId!: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  uid!: string;

  @Column({ type: 'varchar', length: 64 })
  fingerprint!: string;

  @Column({ type: 'integer' })
  sequence!: number;

  @InstantColumn('last_modified')
  lastModified!: string;

  @InstantColumn('cancelled_at', { nullable: true })
  cancelledAt!: string | null;

  /** JSON of the FeedEventContent last published. */
  @Column({ type: 'text' })
  content!: string;
}
