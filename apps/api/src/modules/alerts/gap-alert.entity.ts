import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { GapAlertStatus, GapSeverity } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

/** A gap seen by the scanner, with its life cycle. The id is the domain gap id. */
@Entity({ name: 'gap_alerts' })
export class GapAlertEntity {
  @PrimaryColumn({ type: 'varchar', length: 120 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'rule_id', type: 'varchar', length: 36 })
  ruleId!: string;

  @Column({ name: 'rule_name', type: 'varchar', length: 120 })
  ruleName!: string;

  @Column({ type: 'varchar', length: 16 })
  severity!: GapSeverity;

  @InstantColumn('start_at')
  startAt!: string;

  @InstantColumn('end_at')
  endAt!: string;

  @Column({ type: 'integer' })
  required!: number;

  @Column({ type: 'integer' })
  present!: number;

  @Column({ type: 'varchar', length: 16 })
  status!: GapAlertStatus;

  @InstantColumn('first_seen_at')
  firstSeenAt!: string;

  @InstantColumn('last_seen_at')
  lastSeenAt!: string;

  @InstantColumn('resolved_at', { nullable: true })
  resolvedAt!: string | null;

  @InstantColumn('acknowledged_at', { nullable: true })
  acknowledgedAt!: string | null;

  @Column({ name: 'acknowledged_by', type: 'varchar', length: 36, nullable: true })
  acknowledgedBy!: string | null;
}
