import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** A team's pay settings; percentages in basis points (1 % = 100) so sums stay exact. */
@Entity({ name: 'pay_settings' })
export class PaySettingsEntity {
  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'reporting_currency', type: 'varchar', length: 3 })
  reportingCurrency!: string;

  @Column({ name: 'on_cost_bp', type: 'integer' })
  onCostBasisPoints!: number;

  @Column({ name: 'night_premium_bp', type: 'integer' })
  nightPremiumBasisPoints!: number;

  @Column({ name: 'weekend_premium_bp', type: 'integer' })
  weekendPremiumBasisPoints!: number;

  @Column({ name: 'holiday_premium_bp', type: 'integer' })
  holidayPremiumBasisPoints!: number;

  @Column({ name: 'overtime_premium_bp', type: 'integer' })
  overtimePremiumBasisPoints!: number;

  @Column({ name: 'full_time_hours_per_week', type: 'double precision' })
  fullTimeHoursPerWeek!: number;

  /** JSON text: `[{ date, countryCode, name }]`. */
  @Column({ name: 'public_holidays', type: 'text' })
  publicHolidays!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
