import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PayPeriod } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';
import { MinorUnitsColumn } from './money-column';

/** A statutory full-time minimum wage of a country, or of one region (regionId), from a date. */
@Entity({ name: 'minimum_wages' })
export class MinimumWageEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode!: string;

  @Column({ name: 'region_id', type: 'varchar', length: 36, nullable: true })
  regionId!: string | null;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: PayPeriod;

  @MinorUnitsColumn('amount_minor')
  amountMinor!: number;

  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom!: string;

  @Column({ type: 'varchar', length: 300 })
  source!: string;

  @InstantColumn('created_at')
  createdAt!: string;
}
