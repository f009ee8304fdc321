import { Column, Entity, PrimaryColumn } from 'typeorm';
import { SHIFT_LABEL_MAX_LENGTH, type Channel } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

export type ShiftStatus = 'draft' | 'published';

/** One agent on duty for the half-open UTC interval [startAt, endAt). */
@Entity({ name: 'shifts' })
export class ShiftEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @InstantColumn('start_at')
  startAt!: string;

  @InstantColumn('end_at')
  endAt!: string;

  /** IANA zone the shift was planned in. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: Channel | null;

  @Column({ type: 'varchar', length: SHIFT_LABEL_MAX_LENGTH, nullable: true })
  label!: string | null;

  /** JSON text: `[{ "start": ISO, "end": ISO }]` (ShiftBreakSpan[]), unpaid, inside the shift. */
  @Column({ type: 'text' })
  breaks!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: ShiftStatus;

  @Column({ type: 'varchar', length: 16 })
  source!: string;

  /** Pinned by a manager: the roster generator keeps it and applying a roster never replaces it. */
  @Column({ type: 'boolean' })
  locked!: boolean;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
