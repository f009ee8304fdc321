import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** A roster generation job as every API process sees it. See RosterJobRecords. */
@Entity({ name: 'roster_jobs' })
export class RosterJobEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: string;

  /** JSON of the contract's RosterJob. */
  @Column({ type: 'text' })
  job!: string;

  /** JSON of DraftRosterShift[], or null. */
  @Column({ type: 'text', nullable: true })
  drafts!: string | null;

  @Column({ type: 'varchar', length: 120 })
  owner!: string;

  @Column({ name: 'cancel_requested', type: 'boolean' })
  cancelRequested!: boolean;

  @InstantColumn('heartbeat_at')
  heartbeatAt!: string;

  @InstantColumn('created_at')
  createdAt!: string;
}
