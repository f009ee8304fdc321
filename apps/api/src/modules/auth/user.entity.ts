import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@shiftdesk/shared-api-contract';
import { EMAIL_LENGTH, InstantColumn } from '../../database/columns';

@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  /** Lower-cased so logins are case-insensitive on both databases. */
  @Column({ type: 'varchar', length: EMAIL_LENGTH })
  email!: string;

  /** `scrypt$<log2 N>$<r>$<p>$<salt b64>$<hash b64>`; see password-hasher.ts. */
  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'varchar', length: 16 })
  role!: Role;

  /** The agent record of an agent user; null for managers. */
  @Column({ name: 'agent_id', type: 'varchar', length: 36, nullable: true })
  agentId!: string | null;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  /**
   * Set while the password is a temporary one (made for an imported agent): it works until then,
   * and only to choose a new one. Null: a password the person chose, or a manager set.
   */
  @InstantColumn('password_expires_at', { nullable: true })
  passwordExpiresAt!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
