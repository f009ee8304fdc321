import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** Who runs a periodic job, until when. See JobLeaseService. */
@Entity({ name: 'job_leases' })
export class JobLeaseEntity {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  name!: string;

  @Column({ type: 'varchar', length: 120 })
  holder!: string;

  @InstantColumn('expires_at')
  expiresAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
