import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PayLevel, PayPeriod, WorkMode } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';
import { MinorUnitsColumn } from './money-column';

/** One version of a salary band of a team. Versions in force are never edited (see PayService.updateBand). */
@Entity({ name: 'bands' })
export class BandEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: PayLevel;

  /** null = any region. */
  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ name: 'work_mode', type: 'varchar', length: 16 })
  workMode!: WorkMode;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: PayPeriod;

  @MinorUnitsColumn('min_minor')
  minMinor!: number;

  @MinorUnitsColumn('mid_minor')
  midMinor!: number;

  @MinorUnitsColumn('max_minor')
  maxMinor!: number;

  /** Local date in the team's zone, inclusive. */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom!: string;

  /** Local date, EXCLUSIVE; null = open-ended. */
  @Column({ name: 'effective_to', type: 'varchar', length: 10, nullable: true })
  effectiveTo!: string | null;

  @Column({ name: 'previous_version_id', type: 'varchar', length: 36, nullable: true })
  previousVersionId!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;
}
