import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CreateTeamRequest, Team, UpdateTeamRequest } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In, IsNull } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { assertCanReadTeam, assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { ShiftEntity } from '../shifts/shift.entity';
import { ManagerTeamEntity } from './manager-team.entity';
import { TeamEntity } from './team.entity';
import { toTeam } from './team.mapper';

@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  /** The teams the caller manages, or the agent's own team. */
  async list(user: AuthenticatedUser): Promise<Team[]> {
    if (user.teamIds.length === 0) return [];
    const teams = await this.dataSource.getRepository(TeamEntity).find({ where: { id: In(user.teamIds) }, order: { name: 'ASC', id: 'ASC' } });
    const counts = await this.countAgents(this.dataSource.manager, teams.map((team) => team.id));
    return teams.map((team) => toTeam(team, counts.get(team.id) ?? 0));
  }

  async get(user: AuthenticatedUser, id: string): Promise<Team> {
    const team = await this.load(this.dataSource.manager, id);
    assertCanReadTeam(user, id);
    return this.withCount(this.dataSource.manager, team);
  }

  /** The creator becomes the team's first manager, in the same transaction. */
  create(user: AuthenticatedUser, request: CreateTeamRequest): Promise<Team> {
    return this.transactions.run(async (manager) => {
      await this.assertNameFree(manager, request.name);
      const now = nowIso();
      const team: TeamEntity = {
        id: randomUUID(),
        name: request.name,
        description: request.description ?? null,
        timeZone: request.timeZone,
        createdAt: now,
        updatedAt: now,
      };
      await manager.insert(TeamEntity, team);
      await manager.insert(ManagerTeamEntity, { userId: user.id, teamId: team.id, createdAt: now });
      return toTeam(team, 0);
    });
  }

  async update(user: AuthenticatedUser, id: string, request: UpdateTeamRequest): Promise<Team> {
    const updated = await this.transactions.run(async (manager) => {
      const team = await this.load(manager, id);
      assertManagesTeam(user, id);
      if (request.name !== undefined && request.name.toLowerCase() !== team.name.toLowerCase()) {
        await this.assertNameFree(manager, request.name);
      }
      if (request.name !== undefined) team.name = request.name;
      if (request.description !== undefined) team.description = request.description;
      if (request.timeZone !== undefined) team.timeZone = request.timeZone;
      team.updatedAt = nowIso();
      await manager.save(TeamEntity, team);
      return this.withCount(manager, team);
    });
    // Feeds show the team's name and zone.
    await this.changes.relabelled(id);
    return updated;
  }

  /** Only an empty team can go: agents (even archived) and shifts are history. */
  remove(user: AuthenticatedUser, id: string): Promise<void> {
    return this.transactions.run(async (manager) => {
      await this.load(manager, id);
      assertManagesTeam(user, id);
      const agents = await manager.countBy(AgentEntity, { teamId: id });
      const shifts = await manager.countBy(ShiftEntity, { teamId: id });
      if (agents > 0 || shifts > 0) {
        throw new ConflictException(apiError(409, `This team still has ${agents} agent(s) and ${shifts} shift(s); move or delete them first`));
      }
      await manager.delete(ManagerTeamEntity, { teamId: id });
      await manager.delete(TeamEntity, { id });
    });
  }

  private async load(manager: EntityManager, id: string): Promise<TeamEntity> {
    const team = await manager.findOneBy(TeamEntity, { id });
    if (!team) throw new NotFoundException(`No team with id ${id}`);
    return team;
  }

  private async withCount(manager: EntityManager, team: TeamEntity): Promise<Team> {
    const counts = await this.countAgents(manager, [team.id]);
    return toTeam(team, counts.get(team.id) ?? 0);
  }

  /** Active roster size: archived agents are history, not head-count. */
  private async countAgents(manager: EntityManager, teamIds: string[]): Promise<Map<string, number>> {
    if (teamIds.length === 0) return new Map();
    const rows = await manager
      .createQueryBuilder(AgentEntity, 'agent')
      .select('agent.team_id', 'teamId')
      .addSelect('COUNT(*)', 'count')
      .where({ teamId: In(teamIds), archivedAt: IsNull() })
      .groupBy('agent.team_id')
      .getRawMany<{ teamId: string; count: string | number }>();
    // PostgreSQL returns COUNT as a string (bigint), SQLite as a number.
    return new Map(rows.map((row) => [row.teamId, Number(row.count)]));
  }

  private async assertNameFree(manager: EntityManager, name: string): Promise<void> {
    const clash = await manager.createQueryBuilder(TeamEntity, 'team').where('LOWER(team.name) = :name', { name: name.toLowerCase() }).getExists();
    if (clash) {
      const message = `name: a team called "${name}" already exists`;
      throw new ConflictException(apiError(409, message, [{ field: 'name', message }]));
    }
  }
}
