import { Column, Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

@Entity({ name: 'teams' })
export class TeamEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ type: 'varchar', length: 120 })
  name!: string;

  @Column({ type: 'varchar', length: 1000, nullable: true })
  description!: string | null;

  /** IANA zone the team plans in by default. */
  @Column({ name: 'time_zone', type: 'varchar', length: 64 })
  timeZone!: string;

  @InstantColumn('created_at')
  createdAt!: string;

  @InstantColumn('updated_at')
  updatedAt!: string;
}
