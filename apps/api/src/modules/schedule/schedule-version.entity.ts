import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/**
 * A team's schedule version: replaced by ScheduleChanges after every write that changes what the
 * team's schedule views and feeds show, so a stored feed can be checked with one read in any API
 * instance. No row yet means no write since the table was created.
 */
@Entity({ name: 'schedule_versions' })
export class ScheduleVersionEntity {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 36 })
  version!: string;

  @InstantColumn('changed_at')
  changedAt!: string;
}
