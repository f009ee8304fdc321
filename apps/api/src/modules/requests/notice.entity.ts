import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** An in-app notice for one user (agent or manager) about a request that concerns them. */
@Entity({ name: 'notices' })
export class NoticeEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @Column({ name: 'request_id', type: 'varchar', length: 36, nullable: true })
  requestId!: string | null;

  @Column({ type: 'varchar', length: 500 })
  message!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('read_at', { nullable: true })
  readAt!: string | null;
}
