import { Injectable } from '@nestjs/common';
import type { NoticesResponse } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import { type EntityManager, In, IsNull } from 'typeorm';
import { nowIso } from '../../database/columns';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { UserEntity } from '../auth/user.entity';
import { ManagerTeamEntity } from '../teams/manager-team.entity';
import { NoticeEntity } from './notice.entity';
import { ScheduleSource } from '../schedule/schedule-source.service';

/** Newest notices a user sees at once; older ones stay in the table. */
const NOTICE_LIST_LIMIT = 50;

/** Who a notice goes to: agents (by agent id, through their login) and the team's managers. */
export interface NoticeRecipients {
  agentIds?: readonly string[];
  managersOf?: string;
  /** Never notify the person who acted. */
  exceptUserId?: string;
}

/** In-app notices: written in the transaction of the change they report. */
@Injectable()
export class NoticesService {
  constructor(private readonly source: ScheduleSource) {}

  async notify(manager: EntityManager, recipients: NoticeRecipients, notice: { requestId: string | null; message: string }, at = nowIso()): Promise<void> {
    const userIds = new Set<string>();
    if (recipients.agentIds && recipients.agentIds.length > 0) {
      const users = await manager.find(UserEntity, { select: { id: true }, where: { agentId: In([...recipients.agentIds]) } });
      for (const user of users) userIds.add(user.id);
    }
    if (recipients.managersOf) {
      const links = await manager.find(ManagerTeamEntity, { where: { teamId: recipients.managersOf } });
      for (const link of links) userIds.add(link.userId);
    }
    if (recipients.exceptUserId) userIds.delete(recipients.exceptUserId);
    const rows = [...userIds].sort().map((userId) => ({ id: randomUUID(), userId, requestId: notice.requestId, message: notice.message.slice(0, 500), createdAt: at, readAt: null }));
    for (let i = 0; i < rows.length; i += 100) await manager.insert(NoticeEntity, rows.slice(i, i + 100));
  }

  async list(user: AuthenticatedUser): Promise<NoticesResponse> {
    const manager = this.source.manager;
    const [rows, unread] = await Promise.all([
      manager.find(NoticeEntity, { where: { userId: user.id }, order: { createdAt: 'DESC', id: 'ASC' }, take: NOTICE_LIST_LIMIT }),
      manager.count(NoticeEntity, { where: { userId: user.id, readAt: IsNull() } }),
    ]);
    return { items: rows.map((row) => ({ id: row.id, requestId: row.requestId, message: row.message, createdAt: row.createdAt, readAt: row.readAt })), unread };
  }

  /** Marks the caller's notices read (only theirs: other users' ids are ignored). */
  async markRead(user: AuthenticatedUser, ids: readonly string[] | undefined): Promise<NoticesResponse> {
    const where = { userId: user.id, readAt: IsNull(), ...(ids !== undefined ? { id: In([...ids]) } : {}) };
    if (ids === undefined || ids.length > 0) await this.source.manager.update(NoticeEntity, where, { readAt: nowIso() });
    return this.list(user);
  }
}
