import type { FeedKind, FeedTransparencyOption } from '@shiftdesk/shared-api-contract';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** A calendar feed behind a secret URL; the token is stored only as its SHA-256. */
@Entity({ name: 'feeds' })
export class FeedEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: FeedKind;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36, nullable: true })
  agentId!: string | null;

  /** `agent:<id>`, `team:<id>` or `gaps:<id>`: at most one feed each. */
  @Column({ type: 'varchar', length: 48 })
  subject!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'token_hint', type: 'varchar', length: 8 })
  tokenHint!: string;

  @Column({ name: 'past_days', type: 'integer' })
  pastDays!: number;

  @Column({ name: 'future_days', type: 'integer' })
  futureDays!: number;

  @Column({ type: 'varchar', length: 16 })
  transparency!: FeedTransparencyOption;

  @Column({ name: 'content_digest', type: 'varchar', length: 64, nullable: true })
  contentDigest!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  etag!: string | null;

  @InstantColumn('last_modified', { nullable: true })
  lastModified!: string | null;

  @InstantColumn('next_expiry_at', { nullable: true })
  nextExpiryAt!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('rotated_at')
  rotatedAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
