import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** 1 `from` = `rate` `to`, valid from `date` until a later rate of the pair. Kept by managers. */
@Entity({ name: 'exchange_rates' })
export class ExchangeRateEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'from_currency', type: 'varchar', length: 3 })
  from!: string;

  @Column({ name: 'to_currency', type: 'varchar', length: 3 })
  to!: string;

  /** Decimal text, exact (never a float column). */
  @Column({ type: 'varchar', length: 32 })
  rate!: string;

  @Column({ type: 'varchar', length: 10 })
  date!: string;

  @InstantColumn('created_at')
  createdAt!: string;
}
