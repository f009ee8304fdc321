import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** A signed-in bearer token. Only its SHA-256 is stored, so a database leak yields no tokens. */
@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('expires_at')
  expiresAt!: string;

  @InstantColumn('last_seen_at')
  lastSeenAt!: string;
}
