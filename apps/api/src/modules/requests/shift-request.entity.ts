import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RequestKind, RequestState, TimeOffReason } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

/** A swap, give-away or time-off request. See the contract's `ShiftRequest` for the state machine. */
@Entity({ name: 'shift_requests' })
export class ShiftRequestEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: RequestKind;

  @Column({ type: 'varchar', length: 16 })
  state!: RequestState;

  @Column({ name: 'requester_agent_id', type: 'varchar', length: 36 })
  requesterAgentId!: string;

  @Column({ name: 'target_agent_id', type: 'varchar', length: 36, nullable: true })
  targetAgentId!: string | null;

  @Column({ type: 'boolean' })
  offered!: boolean;

  @Column({ name: 'shift_id', type: 'varchar', length: 200, nullable: true })
  shiftId!: string | null;

  /** JSON text of the contract's RequestShift as it was when the request was made. */
  @Column({ name: 'shift_snapshot', type: 'text', nullable: true })
  shiftSnapshot!: string | null;

  @Column({ name: 'target_shift_id', type: 'varchar', length: 200, nullable: true })
  targetShiftId!: string | null;

  @Column({ name: 'target_shift_snapshot', type: 'text', nullable: true })
  targetShiftSnapshot!: string | null;

  @InstantColumn('time_off_start', { nullable: true })
  timeOffStart!: string | null;

  @InstantColumn('time_off_end', { nullable: true })
  timeOffEnd!: string | null;

  @Column({ name: 'time_off_zone', type: 'varchar', length: 64, nullable: true })
  timeOffZone!: string | null;

  @Column({ name: 'time_off_first_date', type: 'varchar', length: 10, nullable: true })
  timeOffFirstDate!: string | null;

  /** Inclusive. */
  @Column({ name: 'time_off_last_date', type: 'varchar', length: 10, nullable: true })
  timeOffLastDate!: string | null;

  @Column({ name: 'time_off_reason', type: 'varchar', length: 24, nullable: true })
  timeOffReason!: TimeOffReason | null;

  @InstantColumn('span_start')
  spanStart!: string;

  @InstantColumn('span_end')
  spanEnd!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @Column({ name: 'created_by_user_id', type: 'varchar', length: 36, nullable: true })
  createdByUserId!: string | null;

  @Column({ name: 'created_by_name', type: 'varchar', length: 120 })
  createdByName!: string;

  @Column({ name: 'decided_by_user_id', type: 'varchar', length: 36, nullable: true })
  decidedByUserId!: string | null;

  @Column({ name: 'decided_by_name', type: 'varchar', length: 120, nullable: true })
  decidedByName!: string | null;

  @Column({ name: 'decision_comment', type: 'varchar', length: 500, nullable: true })
  decisionComment!: string | null;

  @InstantColumn('expires_at')
  expiresAt!: string;

  @InstantColumn('applied_at', { nullable: true })
  appliedAt!: string | null;

  @Column({ name: 'applied_seq', type: 'integer', nullable: true })
  appliedSeq!: number | null;

  @InstantColumn('undone_at', { nullable: true })
  undoneAt!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
