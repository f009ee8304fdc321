import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PayPeriod } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';
import { MinorUnitsColumn } from './money-column';

/** One entry of an agent's salary history (insert-only: a raise is a new row from its date). */
@Entity({ name: 'salaries' })
export class SalaryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  /** Full-time equivalent per period. */
  @MinorUnitsColumn('amount_minor')
  amountMinor!: number;

  @Column({ type: 'varchar', length: 3 })
  currency!: string;

  @Column({ type: 'varchar', length: 8 })
  period!: PayPeriod;

  /** Local date, inclusive. */
  @Column({ name: 'effective_from', type: 'varchar', length: 10 })
  effectiveFrom!: string;

  @Column({ type: 'varchar', length: 500, nullable: true })
  comment!: string | null;

  @Column({ name: 'created_by', type: 'varchar', length: 120 })
  createdBy!: string;

  @InstantColumn('created_at')
  createdAt!: string;
}
