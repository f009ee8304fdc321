import { BadRequestException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  Agent,
  AgentSummary,
  CreateAgentRequest,
  DeleteAgentResponse,
  FieldError,
  ImportAgentsRequest,
  ImportAgentsResponse,
  ListAgentsQuery,
  Page,
  SetAgentPasswordRequest,
  UpdateAgentRequest,
} from '@shiftdesk/shared-api-contract';
import { validateAvailability } from '@shiftdesk/scheduling';
import { randomInt, randomUUID } from 'node:crypto';
import { Brackets, DataSource, type EntityManager, In, IsNull, Not } from 'typeorm';
import { parseCsv } from '../../common/csv';
import { apiError } from '../../common/api-error';
import { pageOf } from '../../common/page-query.dto';
import { createValidationPipe } from '../../common/validation-pipe';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { LoginLockoutEntity } from '../auth/login-lockout.entity';
import { emailKey } from '../auth/login-lockouts.service';
import { TEMPORARY_PASSWORD_TTL_MS } from '../auth/auth.constants';
import { hashPassword } from '../auth/password-hasher';
import { SessionEntity } from '../auth/session.entity';
import { UserEntity } from '../auth/user.entity';
import { RegionEntity } from '../regions/region.entity';
import { OverrideEntity } from '../overrides/override.entity';
import { RotationAgentEntity } from '../rotations/rotation-agent.entity';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { badField, badFields, conflictField } from '../schedule/schedule-errors';
import { ShiftEntity } from '../shifts/shift.entity';
import { TeamEntity } from '../teams/team.entity';
import { AgentChannelEntity } from './agent-channel.entity';
import { AgentLanguageEntity } from './agent-language.entity';
import { AgentEntity } from './agent.entity';
import { serializeAvailability, toAgent, toAgentSummary, toNewAgentEntity, type AgentExtras } from './agent.mapper';
import { agentCsvRows, csvColumnOf } from './agent-csv';
import { CreateAgentDto } from './dto/create-agent.dto';

/** 400 naming every bad window (`availability.1.0.start: must be a time HH:mm …`). */
function assertAvailability(request: { availability?: unknown }): void {
  const errors = validateAvailability(request.availability);
  if (errors.length > 0) throw badFields(errors);
}

@Injectable()
export class AgentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly changes: ScheduleChanges,
  ) {}

  /**
   * Managers page through the agents of the teams they manage (full records). Agents page
   * through their own team: themselves in full, colleagues as summaries, and may not filter
   * or search on private fields (that would reveal them one query at a time).
   */
  async list(user: AuthenticatedUser, query: ListAgentsQuery): Promise<Page<Agent | AgentSummary>> {
    const isManager = user.role === 'manager';
    if (!isManager) {
      for (const field of ['regionId', 'workMode', 'includeArchived'] as const) {
        if (query[field] !== undefined) throw new ForbiddenException(`Only managers may filter agents by ${field}`);
      }
    }
    if (query.teamId !== undefined && !user.teamIds.includes(query.teamId)) {
      throw new ForbiddenException(isManager ? 'You do not manage this team' : 'You are not a member of this team');
    }
    const teamIds = query.teamId !== undefined ? [query.teamId] : user.teamIds;
    const { page, pageSize, skip } = pageOf(query);
    if (teamIds.length === 0) return { items: [], total: 0, page, pageSize };

    const builder = this.dataSource.getRepository(AgentEntity).createQueryBuilder('agent').where({ teamId: In(teamIds) });
    if (!query.includeArchived) builder.andWhere({ archivedAt: IsNull() });
    if (query.active !== undefined) builder.andWhere({ active: query.active });
    if (query.workMode !== undefined) builder.andWhere({ workMode: query.workMode });
    if (query.regionId !== undefined) builder.andWhere({ regionId: query.regionId });
    if (query.search) {
      // LOWER + LIKE behaves the same on both databases (SQLite lower-cases ASCII only).
      const pattern = `%${query.search.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
      builder.andWhere(
        new Brackets((where) => {
          where.where(`LOWER(agent.display_name) LIKE :pattern ESCAPE '\\'`, { pattern });
          if (isManager) where.orWhere(`LOWER(agent.email) LIKE :pattern ESCAPE '\\'`, { pattern });
        }),
      );
    }
    if (query.language !== undefined) {
      builder.andWhere('EXISTS (SELECT 1 FROM agent_languages l WHERE l.agent_id = agent.id AND l.code = :language)', { language: query.language });
    }
    if (query.channel !== undefined) {
      builder.andWhere('EXISTS (SELECT 1 FROM agent_channels c WHERE c.agent_id = agent.id AND c.channel = :channel)', { channel: query.channel });
    }
    const [rows, total] = await builder.orderBy('agent.display_name', 'ASC').addOrderBy('agent.id', 'ASC').skip(skip).take(pageSize).getManyAndCount();

    const extras = await this.loadExtras(this.dataSource.manager, rows);
    const items = rows.map((row) => {
      const extra = extras.get(row.id) as AgentExtras;
      return isManager || row.id === user.agentId ? toAgent(row, extra) : toAgentSummary(row, extra);
    });
    return { items, total, page, pageSize };
  }

  async get(user: AuthenticatedUser, id: string): Promise<Agent | AgentSummary> {
    const agent = await this.findVisible(user, id);
    const extras = (await this.loadExtras(this.dataSource.manager, [agent])).get(agent.id) as AgentExtras;
    if (user.role === 'manager' || agent.id === user.agentId) return toAgent(agent, extras);
    return toAgentSummary(agent, extras);
  }

  /** The agent user's own full record. */
  async profile(user: AuthenticatedUser): Promise<Agent> {
    if (!user.agentId) throw new NotFoundException('This account has no agent profile');
    const agent = await this.dataSource.getRepository(AgentEntity).findOneBy({ id: user.agentId });
    if (!agent) throw new NotFoundException('This account has no agent profile');
    const extras = (await this.loadExtras(this.dataSource.manager, [agent])).get(agent.id) as AgentExtras;
    return toAgent(agent, extras);
  }

  /** The agent, its languages and channels, and its optional login: all or nothing. */
  /**
   * Agents of one team from a CSV (`agentCsvRows`): each row validated by the rules of
   * `POST /api/agents`, emails unique in the file and among the agents, then all written in one
   * transaction, or none. Every problem of every row is answered at once, by line and column.
   * No logins are made: a manager gives a password to whom needs one.
   */
  async importCsv(user: AuthenticatedUser, request: ImportAgentsRequest): Promise<ImportAgentsResponse> {
    await this.assertTeamManaged(user, request.teamId, 'teamId');
    const parsed = parseCsv(request.csv);
    if (!parsed.ok) throw badField('csv', parsed.message);
    const regions = await this.dataSource.manager.find(RegionEntity, { select: { id: true, name: true } });
    const { rows, errors } = agentCsvRows(parsed.records, request.teamId, new Map(regions.map((region) => [region.name.trim().toLowerCase(), region.id])));
    const pipe = createValidationPipe();
    const valid: { line: number; regionName: string | null; request: CreateAgentDto }[] = [];
    for (const row of rows) {
      try {
        valid.push({ line: row.line, regionName: row.regionName, request: (await pipe.transform(row.body, { type: 'body', metatype: CreateAgentDto })) as CreateAgentDto });
      } catch (failure) {
        // Named by the CSV's column, as the shape errors are; a cell already reported is not reported twice.
        const fields = ((failure as BadRequestException).getResponse() as { fields?: FieldError[] }).fields ?? [];
        for (const field of fields) {
          const column = csvColumnOf(field.field);
          const path = `rows.${row.line}.${column}`;
          if (errors.some((error) => error.field === path)) continue;
          errors.push({ field: path, message: `line ${row.line}, ${column}${field.message.slice(field.message.indexOf(':'))}` });
        }
      }
    }
    const seen = new Map<string, number>();
    for (const { line, request: agent } of valid) {
      const first = seen.get(agent.email);
      if (first !== undefined) errors.push({ field: `rows.${line}.email`, message: `line ${line}, email: ${agent.email} is already on line ${first}` });
      else seen.set(agent.email, line);
    }
    // In slices: SQLite caps the bound parameters of one statement.
    const taken: { email: string }[] = [];
    const wanted = [...seen.keys()];
    for (let i = 0; i < wanted.length; i += 500) taken.push(...(await this.dataSource.manager.find(AgentEntity, { where: { email: In(wanted.slice(i, i + 500)) }, select: { email: true } })));
    for (const { email } of taken) errors.push({ field: `rows.${seen.get(email)}.email`, message: `line ${seen.get(email)}, email: another agent already uses ${email}` });
    if (request.logins) {
      // A login's email is unique among all accounts (a manager signs in with theirs too).
      const accounts: { email: string }[] = [];
      for (let i = 0; i < wanted.length; i += 500) accounts.push(...(await this.dataSource.manager.find(UserEntity, { where: { email: In(wanted.slice(i, i + 500)) }, select: { email: true } })));
      for (const { email } of accounts) {
        if (!taken.some((agent) => agent.email === email)) errors.push({ field: `rows.${seen.get(email)}.email`, message: `line ${seen.get(email)}, email: another account already signs in with ${email}; import without logins or use another email` });
      }
    }
    if (errors.length) {
      errors.sort((a, b) => lineOf(a) - lineOf(b));
      throw new BadRequestException(apiError(400, `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the CSV; nothing was imported. ${errors[0]?.message}`, errors.slice(0, 50)));
    }
    const agents = valid.map(({ line, regionName, request: a }) => ({
      line,
      displayName: a.displayName,
      email: a.email,
      timeZone: a.timeZone,
      workMode: a.workMode,
      languages: a.languages.map(({ code, level }) => ({ code, level })),
      channels: [...a.channels],
      contractHoursPerWeek: a.contractHoursPerWeek,
      regionName,
    }));
    if (request.dryRun) return { dryRun: true, agents, created: [], logins: [] };
    const passwordExpiresAt = new Date(Date.now() + TEMPORARY_PASSWORD_TTL_MS).toISOString();
    const passwords = request.logins ? valid.map(() => temporaryPassword()) : [];
    const hashes = await hashAll(passwords);
    const ids = await this.transactions.run(async (manager) => {
      const now = nowIso();
      const created: string[] = [];
      for (const { request: a } of valid) {
        const agent = toNewAgentEntity(
          { id: randomUUID(), teamId: request.teamId, displayName: a.displayName, email: a.email, timeZone: a.timeZone, regionId: a.regionId, workMode: a.workMode, contractHoursPerWeek: a.contractHoursPerWeek },
          now,
        );
        await manager.insert(AgentEntity, agent);
        await this.replaceSkills(manager, agent.id, a);
        const passwordHash = hashes[created.length];
        if (passwordHash) {
          await manager.insert(UserEntity, { id: randomUUID(), email: agent.email, passwordHash, passwordExpiresAt, role: 'agent', agentId: agent.id, displayName: agent.displayName, createdAt: now, updatedAt: now });
        }
        created.push(agent.id);
      }
      return created;
    });
    // As with one new agent (`create`): people without shifts change no schedule, feed or gap.
    const created = await Promise.all(ids.map((id) => this.get(user, id) as Promise<Agent>));
    const logins = passwords.map((temporaryPassword, index) => {
      const agent = created[index] as Agent;
      return { agentId: agent.id, displayName: agent.displayName, email: agent.email, temporaryPassword, passwordExpiresAt };
    });
    return { dryRun: false, agents, created, logins };
  }

  async create(user: AuthenticatedUser, request: CreateAgentRequest): Promise<Agent> {
    await this.assertTeamManaged(user, request.teamId, 'teamId');
    assertAvailability(request);
    // Hashing takes ~100 ms: do it before the transaction, not while holding the write lock.
    const passwordHash = request.password !== undefined ? await hashPassword(request.password) : null;
    const id = await this.transactions.run(async (manager) => {
      await this.assertRegionExists(manager, request.regionId ?? null);
      await this.assertEmailFree(manager, request.email, null);
      const now = nowIso();
      const agent = toNewAgentEntity({ ...request, id: randomUUID() }, now);
      await manager.insert(AgentEntity, agent);
      await this.replaceSkills(manager, agent.id, request);
      if (passwordHash !== null) {
        // The users table has its own unique email: a clash there (e.g. a manager's address)
        // aborts the whole transaction, so no half-created agent is left behind.
        await manager.insert(UserEntity, {
          id: randomUUID(),
          email: agent.email,
          passwordHash,
          role: 'agent',
          agentId: agent.id,
          displayName: agent.displayName,
          createdAt: now,
          updatedAt: now,
        });
      }
      return agent.id;
    });
    return this.get(user, id) as Promise<Agent>;
  }

  async update(user: AuthenticatedUser, id: string, request: UpdateAgentRequest): Promise<Agent> {
    const current = await this.findVisible(user, id);
    assertManagesTeam(user, current.teamId);
    assertAvailability(request);
    if (request.teamId !== undefined && request.teamId !== current.teamId) await this.assertTeamManaged(user, request.teamId, 'teamId');
    await this.transactions.run(async (manager) => {
      const agent = await manager.findOneByOrFail(AgentEntity, { id });
      if (request.regionId !== undefined) await this.assertRegionExists(manager, request.regionId);
      if (request.email !== undefined && request.email !== agent.email) await this.assertEmailFree(manager, request.email, agent.id);
      const now = nowIso();
      const changes: Partial<AgentEntity> = { updatedAt: now };
      for (const key of ['teamId', 'displayName', 'email', 'timeZone', 'regionId', 'workMode', 'contractHoursPerWeek', 'active'] as const) {
        if (request[key] !== undefined) Object.assign(changes, { [key]: request[key] });
      }
      if (request.availability !== undefined) changes.availability = serializeAvailability(request.availability);
      await manager.update(AgentEntity, { id }, changes);
      await this.replaceSkills(manager, id, request);
      // The login follows the agent record: same email, same name.
      const loginChanges: Partial<UserEntity> = {};
      if (request.email !== undefined) loginChanges.email = request.email;
      if (request.displayName !== undefined) loginChanges.displayName = request.displayName;
      if (Object.keys(loginChanges).length > 0) await manager.update(UserEntity, { agentId: id }, { ...loginChanges, updatedAt: now });
    });
    // (De)activating or moving an agent adds or removes rotation turns: rescan the teams concerned.
    const touched = new Set<string>();
    if (request.active !== undefined && request.active !== current.active) touched.add(current.teamId);
    if (request.teamId !== undefined && request.teamId !== current.teamId) touched.add(current.teamId).add(request.teamId);
    for (const teamId of touched) await this.changes.changed(teamId);
    // Anything else (name, e-mail, zone, skills) shows in feeds and views, not in the schedule.
    if (!touched.has(current.teamId)) await this.changes.relabelled(current.teamId);
    return this.get(user, id) as Promise<Agent>;
  }

  /**
   * A manager gives the agent a login or resets its password (agents who forgot theirs, or were
   * added without one). The agent's sessions end, since whoever held them knew the old password,
   * and a sign-in lock-out on the email is lifted, so the new password works at once.
   */
  async setPassword(user: AuthenticatedUser, id: string, request: SetAgentPasswordRequest): Promise<Agent> {
    const current = await this.findVisible(user, id);
    assertManagesTeam(user, current.teamId);
    if (current.archivedAt) throw conflictField('password', 'archived agents cannot sign in; this agent was archived, so it gets no login');
    const passwordHash = await hashPassword(request.password);
    await this.transactions.run(async (manager) => {
      const now = nowIso();
      const login = await manager.findOneBy(UserEntity, { agentId: id });
      if (login) {
        // A password the manager set is a real one, also where a temporary one was.
        await manager.update(UserEntity, { id: login.id }, { passwordHash, passwordExpiresAt: null, updatedAt: now });
        await manager.delete(SessionEntity, { userId: login.id });
      } else {
        // The users table has its own unique email (managers sign in with theirs too).
        if (await manager.existsBy(UserEntity, { email: current.email })) {
          throw conflictField('email', `another account already signs in with ${current.email}; give the agent another email first`);
        }
        await manager.insert(UserEntity, {
          id: randomUUID(),
          email: current.email,
          passwordHash,
          role: 'agent',
          agentId: id,
          displayName: current.displayName,
          createdAt: now,
          updatedAt: now,
        });
      }
      await manager.delete(LoginLockoutEntity, { emailHash: emailKey(current.email) });
    });
    return this.get(user, id) as Promise<Agent>;
  }

  /**
   * Agents that history or the plan still points at (manual shifts, a place in a rotation, an
   * override either way) are archived: rows keep their agent, the agent loses its sessions and no
   * longer gets rotation turns (see ScheduleSource.resolve). The others are deleted.
   */
  async remove(user: AuthenticatedUser, id: string): Promise<DeleteAgentResponse> {
    const current = await this.findVisible(user, id);
    assertManagesTeam(user, current.teamId);
    const outcome = await this.transactions.run(async (manager) => {
      if (!(await this.isReferenced(manager, id))) {
        // Languages, channels, the login and its sessions go with it (ON DELETE CASCADE).
        await manager.delete(AgentEntity, { id });
        return 'deleted' as const;
      }
      const now = nowIso();
      await manager.update(AgentEntity, { id, archivedAt: IsNull() }, { archivedAt: now, active: false, updatedAt: now });
      const login = await manager.findOneBy(UserEntity, { agentId: id });
      if (login) await manager.delete(SessionEntity, { userId: login.id });
      return 'archived' as const;
    });
    // Turns of an archived agent become gaps: the team's alerts must say so now.
    if (outcome === 'archived' && !current.archivedAt) await this.changes.changed(current.teamId);
    return { outcome };
  }

  /** Whether a shift, rotation or override names the agent (all are RESTRICT foreign keys). */
  private async isReferenced(manager: EntityManager, agentId: string): Promise<boolean> {
    return (
      (await manager.existsBy(ShiftEntity, { agentId })) ||
      (await manager.existsBy(RotationAgentEntity, { agentId })) ||
      (await manager.existsBy(OverrideEntity, [{ agentId }, { replacesAgentId: agentId }]))
    );
  }

  /** Loads an agent the caller may see at all, or answers 404/403. */
  private async findVisible(user: AuthenticatedUser, id: string): Promise<AgentEntity> {
    const agent = await this.dataSource.getRepository(AgentEntity).findOneBy({ id });
    // Archived agents are history: only their team's managers still see them.
    if (!agent || (agent.archivedAt && user.role !== 'manager')) throw new NotFoundException(`No agent with id ${id}`);
    if (!user.teamIds.includes(agent.teamId)) {
      throw new ForbiddenException(user.role === 'manager' ? 'You do not manage this agent\'s team' : 'This agent is not in your team');
    }
    return agent;
  }

  private async assertTeamManaged(user: AuthenticatedUser, teamId: string, field: string): Promise<void> {
    if (user.teamIds.includes(teamId)) return;
    const exists = await this.dataSource.getRepository(TeamEntity).existsBy({ id: teamId });
    if (!exists) throw badField(field, `no team with id "${teamId}"`);
    throw new ForbiddenException('You do not manage this team');
  }

  private async assertRegionExists(manager: EntityManager, regionId: string | null): Promise<void> {
    if (regionId === null) return;
    if (!(await manager.existsBy(RegionEntity, { id: regionId }))) throw badField('regionId', `no region with id "${regionId}"`);
  }

  private async assertEmailFree(manager: EntityManager, email: string, exceptAgentId: string | null): Promise<void> {
    const clash = await manager.existsBy(AgentEntity, exceptAgentId ? { email, id: Not(exceptAgentId) } : { email });
    if (clash) throw conflictField('email', `another agent already uses ${email}`);
  }

  private async replaceSkills(manager: EntityManager, agentId: string, request: Pick<UpdateAgentRequest, 'languages' | 'channels'>): Promise<void> {
    if (request.languages !== undefined) {
      await manager.delete(AgentLanguageEntity, { agentId });
      if (request.languages.length > 0) {
        await manager.insert(AgentLanguageEntity, request.languages.map(({ code, level }) => ({ agentId, code, level })));
      }
    }
    if (request.channels !== undefined) {
      await manager.delete(AgentChannelEntity, { agentId });
      if (request.channels.length > 0) {
        await manager.insert(AgentChannelEntity, request.channels.map((channel) => ({ agentId, channel })));
      }
    }
  }

  /** Languages, channels, region names and logins of many agents in four queries. */
  private async loadExtras(manager: EntityManager, agents: AgentEntity[]): Promise<Map<string, AgentExtras>> {
    const ids = agents.map((agent) => agent.id);
    const result = new Map<string, AgentExtras>(ids.map((id) => [id, { languages: [], channels: [], regionName: null, hasLogin: false, passwordExpiresAt: null }]));
    if (ids.length === 0) return result;
    const [languages, channels, logins] = await Promise.all([
      manager.findBy(AgentLanguageEntity, { agentId: In(ids) }),
      manager.findBy(AgentChannelEntity, { agentId: In(ids) }),
      manager.find(UserEntity, { select: { id: true, agentId: true, passwordExpiresAt: true }, where: { agentId: In(ids) } }),
    ]);
    const regionIds = [...new Set(agents.map((agent) => agent.regionId).filter((id): id is string => id !== null))];
    const regions = regionIds.length > 0 ? await manager.findBy(RegionEntity, { id: In(regionIds) }) : [];
    const regionNames = new Map(regions.map((region) => [region.id, region.name]));
    for (const row of languages) result.get(row.agentId)?.languages.push(row);
    for (const row of channels) result.get(row.agentId)?.channels.push(row);
    for (const login of logins) {
      const extras = login.agentId ? result.get(login.agentId) : undefined;
      if (!extras) continue;
      extras.hasLogin = true;
      extras.passwordExpiresAt = login.passwordExpiresAt ?? null;
    }
    for (const agent of agents) (result.get(agent.id) as AgentExtras).regionName = agent.regionId ? (regionNames.get(agent.regionId) ?? null) : null;
    return result;
  }
}

/** The CSV line an import error names (`rows.7.email` → 7; file-level errors first). */
function lineOf(error: FieldError): number {
  return Number(/^rows\.(\d+)\./.exec(error.field)?.[1] ?? 0);
}

/** Letters and digits that cannot be mistaken for one another when read out or copied by hand. */
const TEMPORARY_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** `k7dm-q2xa-9fnp`: 12 random characters (~59 bits), enough for 14 days behind the sign-in rate limit and lock-out. */
function temporaryPassword(): string {
  const chars = Array.from({ length: 12 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]);
  return [chars.slice(0, 4), chars.slice(4, 8), chars.slice(8)].map((group) => group.join('')).join('-');
}

/** scrypt hashes a few at a time: each takes ~50–100 ms and 32 MiB, and the thread pool runs four at once. */
async function hashAll(passwords: readonly string[]): Promise<string[]> {
  const hashes: string[] = [];
  for (let i = 0; i < passwords.length; i += 4) hashes.push(...(await Promise.all(passwords.slice(i, i + 4).map((password) => hashPassword(password)))));
  return hashes;
}
