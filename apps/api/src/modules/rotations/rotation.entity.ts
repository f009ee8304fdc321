import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SHIFT_LABEL_MAX_LENGTH, type Channel, type ShiftStatus } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

/** One version of a recurring shift pattern, planned on the wall clock of `timeZone`. */
@Entity({ name: 'rotations' })
export class RotationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  /** `HH:mm` in `timeZone`. */
  @Column({ name: 'local_start_time', type: 'varchar', length: 5 })
  localStartTime!: string;

  /** `HH:mm` in `timeZone`; at or before the start means the next day. */
  @Column({ name: 'local_end_time', type: 'varchar', length: 5 })
  localEndTime!: string;

  @Column({ type: 'varchar', length: 500 })
  rrule!: string;

  /** JSON text: local dates `YYYY-MM-DD`. */
  @Column({ type: 'text' })
  exdates!: string;

  @Column({ name: 'handoff_mode', type: 'varchar', length: 8 })
  handoffMode!: 'turns' | 'all';

  @Column({ name: 'handoff_every', type: 'integer', nullable: true })
  handoffEvery!: number | null;

  /** Local date, inclusive. */
  @Column({ name: 'start_date', type: 'varchar', length: 10 })
  startDate!: string;

  /** Local date, EXCLUSIVE; null = open-ended. */
  @Column({ name: 'end_date', type: 'varchar', length: 10, nullable: true })
  endDate!: string | null;

  @Column({ name: 'turn_offset', type: 'integer' })
  turnOffset!: number;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: Channel | null;

  @Column({ type: 'varchar', length: SHIFT_LABEL_MAX_LENGTH, nullable: true })
  label!: string | null;

  /** JSON text: `[{ startAfterMinutes, durationMinutes }]`. */
  @Column({ type: 'text' })
  breaks!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ShiftStatus;

  @Column({ name: 'previous_version_id', type: 'varchar', length: 36, nullable: true })
  previousVersionId!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
