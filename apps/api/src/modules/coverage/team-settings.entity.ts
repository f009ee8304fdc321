import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LabourRulePresetName, RequestApprovalPolicy } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

/** Scheduling settings of a team; a team without a row uses the defaults. */
@Entity({ name: 'team_settings' })
export class TeamSettingsEntity {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  /** 0–0.9: share of contract hours lost to leave, sickness, training, breaks. */
  @Column({ type: 'double precision' })
  shrinkage!: number;

  @Column({ name: 'contract_hours_per_week', type: 'double precision' })
  contractHoursPerWeek!: number;

  @Column({ name: 'labour_rule_preset', type: 'varchar', length: 32 })
  labourRulePreset!: LabourRulePresetName;

  /** JSON text: explicit LabourRuleValues on top of the preset. */
  @Column({ name: 'labour_rules', type: 'text' })
  labourRules!: string;

  /** http(s) URL for the team's webhook events; null when none. */
  @Column({ name: 'webhook_url', type: 'varchar', length: 2048, nullable: true })
  webhookUrl!: string | null;

  /** Hex HMAC-SHA256 key for the webhook signature; shown to the manager once. */
  @Column({ name: 'webhook_secret', type: 'varchar', length: 64, nullable: true })
  webhookSecret!: string | null;

  /** Who approves agents' requests (issue 5). */
  @Column({ name: 'request_approval', type: 'varchar', length: 24 })
  requestApproval!: RequestApprovalPolicy;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
