import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** [start, end) UTC when an agent is not available, from one calendar import. */
@Entity({ name: 'unavailability_spans' })
export class UnavailabilitySpanEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'import_id', type: 'varchar', length: 36 })
  importId!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @InstantColumn('start_at')
  startAt!: string;

  @InstantColumn('end_at')
  endAt!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64, nullable: true })
  timeZone!: string | null;

  @Column({ name: 'all_day', type: 'boolean' })
  allDay!: boolean;

  @Column({ type: 'varchar', length: 200 })
  summary!: string;
}
