import type { CalendarImportStatus } from '@shiftdesk/shared-api-contract';
import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** An external calendar (URL or uploaded file) whose events make an agent unavailable. */
@Entity({ name: 'calendar_imports' })
export class CalendarImportEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @Column({ type: 'varchar', length: 2048, nullable: true })
  url!: string | null;

  @Column({ type: 'varchar', length: 120 })
  label!: string;

  @Column({ name: 'last_status', type: 'varchar', length: 16, nullable: true })
  lastStatus!: CalendarImportStatus | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @InstantColumn('last_fetched_at', { nullable: true })
  lastFetchedAt!: string | null;

  @InstantColumn('last_succeeded_at', { nullable: true })
  lastSucceededAt!: string | null;

  @Column({ name: 'span_count', type: 'integer' })
  spanCount!: number;

  @Column({ name: 'created_by', type: 'varchar', length: 36, nullable: true })
  createdBy!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
