import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

@Entity({ name: 'regions' })
export class RegionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  /** ISO 3166-1 alpha-2, upper case. */
  @Column({ name: 'country_code', type: 'varchar', length: 2 })
  countryCode!: string;

  @Column({ name: 'default_time_zone', type: 'varchar', length: 64 })
  defaultTimeZone!: string;

  /** ISO 4217, upper case. */
  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
