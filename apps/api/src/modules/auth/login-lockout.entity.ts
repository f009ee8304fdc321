import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** Recent failed sign-ins of one email (known or not); see LoginLockouts. */
@Entity({ name: 'login_lockouts' })
export class LoginLockoutEntity {
  /** SHA-256 (hex) of the lower-cased email. */
  @PrimaryColumn({ name: 'email_hash', type: 'varchar', length: 64 })
  emailHash!: string;

  @Column({ type: 'integer' })
  failures!: number;

  @InstantColumn('window_started_at')
  windowStartedAt!: string;

  @InstantColumn('locked_until', { nullable: true })
  lockedUntil!: string | null;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
