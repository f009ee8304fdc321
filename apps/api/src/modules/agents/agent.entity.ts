import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PayLevel, WorkMode } from '@shiftdesk/shared-api-contract';
import { EMAIL_LENGTH, InstantColumn } from '../../database/columns';

@Entity({ name: 'agents' })
export class AgentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 120 })
  displayName!: string;

  /** Stored lower-cased, unique; also the login email when the agent has a login. */
  @Column({ type: 'varchar', length: EMAIL_LENGTH })
  email!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ name: 'work_mode', type: 'varchar', length: 16 })
  workMode!: WorkMode;

  @Column({ name: 'contract_hours_per_week', type: 'double precision' })
  contractHoursPerWeek!: number;

  @Column({ type: 'boolean' })
  active!: boolean;

  /**
   * JSON text `{ "1": [{ "start": "08:00", "end": "20:00" }] }`: ISO weekday → windows, wall
   * clock in `timeZone`; NULL = available any time. Read and written whole with the agent.
   */
  @Column({ type: 'text', nullable: true })
  availability!: string | null;

  /** Role level for pay bands; read and written only by the pay module (managers), never mapped to Agent. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  level?: PayLevel | null;

  /** Set instead of deleting when the agent has shifts (history must keep its agent). */
  @InstantColumn('archived_at', { nullable: true })
  archivedAt!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
