import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { Channel, CoverageRuleKind, LanguageLevel } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

@Entity({ name: 'coverage_rules' })
export class CoverageRuleEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 8 })
  kind!: CoverageRuleKind;

  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @Column({ name: 'min_agents', type: 'integer' })
  minAgents!: number;

  /** JSON text: `{ "1": [{ start, end }], … }`, local `HH:mm` in `timeZone`, keyed by ISO weekday. */
  @Column({ type: 'text' })
  windows!: string;

  @Column({ name: 'language_code', type: 'varchar', length: 2, nullable: true })
  languageCode!: string | null;

  @Column({ name: 'language_min_level', type: 'varchar', length: 16, nullable: true })
  languageMinLevel!: LanguageLevel | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  channel!: Channel | null;

  @Column({ name: 'valid_from', type: 'varchar', length: 10, nullable: true })
  validFrom!: string | null;

  @Column({ name: 'valid_to', type: 'varchar', length: 10, nullable: true })
  validTo!: string | null;

  /** JSON text: `[{ date, windows, minAgents? }]`. */
  @Column({ type: 'text' })
  exceptions!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
