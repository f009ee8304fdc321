import { Entity, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../database/columns';

/** Which manager users manage which teams: the basis of every team-scoped permission. */
@Entity({ name: 'manager_teams' })
export class ManagerTeamEntity {
  @PrimaryColumn({ name: 'user_id', type: 'varchar', length: 36 })
  userId!: string;

  @PrimaryColumn({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @InstantColumn('created_at')
  createdAt!: string;
}
