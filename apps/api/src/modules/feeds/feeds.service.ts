import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { DEFAULT_FEED_FUTURE_DAYS, DEFAULT_FEED_PAST_DAYS, type Feed, type FeedSecret } from '@shiftdesk/shared-api-contract';
import { randomBytes, randomUUID } from 'node:crypto';
import { In } from 'typeorm';
import { apiError } from '../../common/api-error';
import { nowIso } from '../../database/columns';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { hashToken } from '../auth/auth.service';
import { assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { badField } from '../schedule/schedule-errors';
import { ScheduleSource } from '../schedule/schedule-source.service';
import type { CreateFeedDto, ListFeedsDto, UpdateFeedDto } from './dto/create-feed.dto';
import { FeedEntity } from './feed.entity';
import { feedPath, toFeed } from './feed.mapper';

/** 32 random bytes (256 bits) as base64url: 43 URL-safe characters, like session tokens. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Feed management: create, list, change, rotate and revoke. Agent feeds belong to their agent
 * and to the managers of the agent's team; team and gaps feeds to the team's managers. The token
 * is returned once (create, rotate) and stored only as its SHA-256 (`hashToken`, as sessions):
 * a database leak gives no working URL.
 */
@Injectable()
export class FeedsService {
  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
  ) {}

  async list(user: AuthenticatedUser, query: ListFeedsDto): Promise<Feed[]> {
    const repo = this.source.manager.getRepository(FeedEntity);
    if (query.agentId) {
      const agent = await this.agentOrFail(query.agentId);
      this.assertOwnsAgentFeed(user, agent);
      return (await repo.find({ where: { kind: 'agent', agentId: agent.id } })).map(toFeed);
    }
    if (query.teamId) {
      assertManagesTeam(user, query.teamId);
      return (await repo.find({ where: { teamId: query.teamId }, order: { kind: 'ASC', createdAt: 'ASC' } })).map(toFeed);
    }
    if (user.agentId) return (await repo.find({ where: { kind: 'agent', agentId: user.agentId } })).map(toFeed);
    if (user.role === 'manager' && user.teamIds.length > 0) {
      return (await repo.find({ where: { teamId: In(user.teamIds) }, order: { teamId: 'ASC', kind: 'ASC', createdAt: 'ASC' } })).map(toFeed);
    }
    return [];
  }

  async create(user: AuthenticatedUser, body: CreateFeedDto): Promise<FeedSecret> {
    let teamId: string;
    let agentId: string | null = null;
    if (body.kind === 'agent') {
      const id = body.agentId ?? user.agentId;
      if (!id) throw badField('agentId', 'name the agent whose shifts the feed shows');
      const agent = await this.agentOrFail(id, 'agentId');
      this.assertOwnsAgentFeed(user, agent);
      // Silently ignoring another team here would hide a caller's mistake.
      if (body.teamId !== undefined && body.teamId !== agent.teamId) throw badField('teamId', "leave it out: an agent feed is on the agent's own team");
      teamId = agent.teamId;
      agentId = agent.id;
    } else {
      if (!body.teamId) throw badField('teamId', `name the team whose ${body.kind === 'team' ? 'shifts' : 'gaps'} the feed shows`);
      if (body.agentId) throw badField('agentId', `leave it out: a ${body.kind} feed covers the whole team`);
      await this.source.managedTeam(user, body.teamId);
      teamId = body.teamId;
    }
    const subject = `${body.kind}:${agentId ?? teamId}`;
    const token = newToken();
    const now = nowIso();
    const row: FeedEntity = {
      id: randomUUID(),
      kind: body.kind,
      teamId,
      agentId,
      subject,
      tokenHash: hashToken(token),
      tokenHint: token.slice(-4),
      pastDays: body.pastDays ?? DEFAULT_FEED_PAST_DAYS,
      futureDays: body.futureDays ?? DEFAULT_FEED_FUTURE_DAYS,
      // Your own shifts block your calendar; colleagues' shifts and gaps should not.
      transparency: body.transparency ?? (body.kind === 'agent' ? 'opaque' : 'transparent'),
      contentDigest: null,
      etag: null,
      lastModified: null,
      nextExpiryAt: null,
      createdBy: user.id,
      createdAt: now,
      rotatedAt: now,
      updatedAt: now,
    };
    await this.transactions.run(async (manager) => {
      if (await manager.existsBy(FeedEntity, { subject })) {
        const message = `kind: this ${body.kind === 'agent' ? 'agent' : 'team'} already has a ${body.kind} feed; rotate it for a new URL or revoke it first`;
        throw new ConflictException(apiError(409, message, [{ field: 'kind', message }]));
      }
      await manager.insert(FeedEntity, row);
    });
    return { feed: toFeed(row), path: feedPath(token) };
  }

  async update(user: AuthenticatedUser, id: string, body: UpdateFeedDto): Promise<Feed> {
    const row = await this.ownedFeed(user, id);
    const changes: Partial<FeedEntity> = { updatedAt: nowIso() };
    if (body.pastDays !== undefined) changes.pastDays = body.pastDays;
    if (body.futureDays !== undefined) changes.futureDays = body.futureDays;
    if (body.transparency !== undefined) changes.transparency = body.transparency;
    await this.transactions.run((manager) => manager.update(FeedEntity, { id }, changes));
    return toFeed({ ...row, ...changes });
  }

  /** A new token for the same feed (its event history stays); the old URL answers 404 at once. */
  async rotate(user: AuthenticatedUser, id: string): Promise<FeedSecret> {
    const row = await this.ownedFeed(user, id);
    const token = newToken();
    const changes = { tokenHash: hashToken(token), tokenHint: token.slice(-4), rotatedAt: nowIso(), updatedAt: nowIso() };
    await this.transactions.run((manager) => manager.update(FeedEntity, { id }, changes));
    return { feed: toFeed({ ...row, ...changes }), path: feedPath(token) };
  }

  /** Deletes the feed and what it published: its URL answers 404 from the next request on. */
  async revoke(user: AuthenticatedUser, id: string): Promise<void> {
    await this.ownedFeed(user, id);
    await this.transactions.run((manager) => manager.delete(FeedEntity, { id }));
  }

  private async ownedFeed(user: AuthenticatedUser, id: string): Promise<FeedEntity> {
    const row = await this.source.manager.findOneBy(FeedEntity, { id });
    if (!row) throw new NotFoundException(`No feed with id ${id}`);
    if (row.kind === 'agent') {
      const agent = await this.agentOrFail(row.agentId ?? '');
      this.assertOwnsAgentFeed(user, agent);
    } else {
      assertManagesTeam(user, row.teamId);
    }
    return row;
  }

  private async agentOrFail(id: string, field?: string): Promise<AgentEntity> {
    const agent = await this.source.manager.findOneBy(AgentEntity, { id });
    if (!agent || agent.archivedAt) {
      if (field) throw new BadRequestException(apiError(400, `${field}: no agent with id ${id}`, [{ field, message: `${field}: no agent with id ${id}` }]));
      throw new NotFoundException(`No agent with id ${id}`);
    }
    return agent;
  }

  /** An agent manages only their own feed; a manager those of the agents of their teams. */
  private assertOwnsAgentFeed(user: AuthenticatedUser, agent: AgentEntity): void {
    if (user.role === 'manager') {
      if (!user.teamIds.includes(agent.teamId)) throw new ForbiddenException('You do not manage the team of this agent');
      return;
    }
    if (user.agentId !== agent.id) throw new ForbiddenException('Agents manage only their own feed');
  }
}
