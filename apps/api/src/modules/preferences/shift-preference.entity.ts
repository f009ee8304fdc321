import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** One agent's wish to work or to be free. See the contract's ShiftPreference. */
@Entity({ name: 'shift_preferences' })
export class ShiftPreferenceEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: string;

  @Column({ type: 'varchar', length: 10, nullable: true })
  date!: string | null;

  /** ISO weekdays joined by commas ("1,3,5"); empty with a date. */
  @Column({ type: 'varchar', length: 16 })
  weekdays!: string;

  @Column({ name: 'start_time', type: 'varchar', length: 5, nullable: true })
  startTime!: string | null;

  @Column({ name: 'end_time', type: 'varchar', length: 5, nullable: true })
  endTime!: string | null;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 8 })
  strength!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  note!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
