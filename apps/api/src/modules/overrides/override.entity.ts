import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** `agentId` takes over what the rotation(s) put on [startAt, endAt) (UTC, half-open). */
@Entity({ name: 'overrides' })
export class OverrideEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  /** null = every rotation of the team. */
  @Column({ name: 'rotation_id', type: 'varchar', length: 36, nullable: true })
  rotationId!: string | null;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @Column({ name: 'replaces_agent_id', type: 'varchar', length: 36, nullable: true })
  replacesAgentId!: string | null;

  @InstantColumn('start_at')
  startAt!: string;

  @InstantColumn('end_at')
  endAt!: string;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
