import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AddTeamManagerRequest, TeamManager } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager, In } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { hashPassword } from '../auth/password-hasher';
import { UserEntity } from '../auth/user.entity';
import { badField, conflictField } from '../schedule/schedule-errors';
import { ManagerTeamEntity } from './manager-team.entity';
import { TeamEntity } from './team.entity';

/**
 * Who manages a team. Every team-scoped permission reads `manager_teams` on each request, so an
 * added manager sees the team at once and a removed one loses it at once, without signing in again.
 */
@Injectable()
export class TeamManagersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async list(user: AuthenticatedUser, teamId: string): Promise<TeamManager[]> {
    await this.assertTeam(this.dataSource.manager, user, teamId);
    return this.managersOf(this.dataSource.manager, teamId);
  }

  /** Links an existing manager account by email, or creates one (name and password needed). */
  async add(user: AuthenticatedUser, teamId: string, request: AddTeamManagerRequest): Promise<TeamManager> {
    await this.assertTeam(this.dataSource.manager, user, teamId);
    const existing = await this.dataSource.getRepository(UserEntity).findOneBy({ email: request.email });
    // Hashing is slow on purpose: before the transaction, and only for a new account.
    const passwordHash = !existing && request.password !== undefined ? await hashPassword(request.password) : null;
    const userId = await this.transactions.run(async (manager) => {
      const account = await manager.findOneBy(UserEntity, { email: request.email });
      let id: string;
      if (account) {
        if (account.role !== 'manager') throw conflictField('email', `${request.email} is an agent's login; a manager needs an address of their own`);
        if (await manager.existsBy(ManagerTeamEntity, { userId: account.id, teamId })) throw conflictField('email', `${account.displayName} already manages this team`);
        id = account.id;
      } else {
        if (request.displayName === undefined) throw badField('displayName', `is required: nobody signs in with ${request.email} yet, so a manager account is created and needs the person's name`);
        if (passwordHash === null) throw badField('password', `is required: nobody signs in with ${request.email} yet, so a manager account is created and needs a first password (at least 8 characters)`);
        id = randomUUID();
        const now = nowIso();
        await manager.insert(UserEntity, { id, email: request.email, passwordHash, role: 'manager', agentId: null, displayName: request.displayName, createdAt: now, updatedAt: now });
      }
      await manager.insert(ManagerTeamEntity, { userId: id, teamId, createdAt: nowIso() });
      const added = (await this.managersOf(manager, teamId)).find((m) => m.userId === id);
      await this.audit.record(manager, { teamId, entityType: 'team', entityId: teamId, action: 'manager-added', actor: user, after: added, comment: account ? 'existing manager account' : 'new manager account' });
      return id;
    });
    return (await this.managersOf(this.dataSource.manager, teamId)).find((m) => m.userId === userId) as TeamManager;
  }

  /** A team always keeps one manager: otherwise nobody could manage or even see it. */
  async remove(user: AuthenticatedUser, teamId: string, userId: string): Promise<void> {
    await this.assertTeam(this.dataSource.manager, user, teamId);
    await this.transactions.run(async (manager) => {
      const managers = await this.managersOf(manager, teamId);
      const removed = managers.find((m) => m.userId === userId);
      if (!removed) throw new NotFoundException(`No manager with id ${userId} in this team`);
      if (managers.length === 1) throw new ConflictException(apiError(409, `${removed.displayName} is this team's only manager; add another manager first`));
      await manager.delete(ManagerTeamEntity, { userId, teamId });
      await this.audit.record(manager, { teamId, entityType: 'team', entityId: teamId, action: 'manager-removed', actor: user, before: removed });
    });
  }

  private async assertTeam(manager: EntityManager, user: AuthenticatedUser, teamId: string): Promise<void> {
    if (!(await manager.existsBy(TeamEntity, { id: teamId }))) throw new NotFoundException(`No team with id ${teamId}`);
    assertManagesTeam(user, teamId);
  }

  private async managersOf(manager: EntityManager, teamId: string): Promise<TeamManager[]> {
    const links = await manager.findBy(ManagerTeamEntity, { teamId });
    if (links.length === 0) return [];
    const users = await manager.findBy(UserEntity, { id: In(links.map((link) => link.userId)) });
    const since = new Map(links.map((link) => [link.userId, link.createdAt]));
    return users
      .map((u) => ({ userId: u.id, email: u.email, displayName: u.displayName, since: since.get(u.id) as string }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || a.email.localeCompare(b.email));
  }
}
