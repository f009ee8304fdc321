import { Injectable } from '@nestjs/common';
import type { AuditEntry } from '@shiftdesk/shared-api-contract';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { nowIso } from '../../database/columns';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { AuditEntryEntity } from './audit-entry.entity';

export interface AuditRecord {
  teamId: string | null;
  /** One word per concept: `swap request`, `time off`, `band`, `salary`… as the contract names them. */
  entityType: string;
  entityId: string;
  action: string;
  /** null for the system (a scheduled job). */
  actor: Pick<AuthenticatedUser, 'id' | 'displayName'> | null;
  before?: unknown;
  after?: unknown;
  comment?: string | null;
}

/**
 * Writes audit entries inside the caller's transaction, so a change and its trail commit or
 * roll back together. Entries are never updated or deleted.
 */
@Injectable()
export class AuditService {
  async record(manager: EntityManager, record: AuditRecord, at: string = nowIso()): Promise<AuditEntryEntity> {
    // seq orders entries written in the same millisecond (one transaction often writes several).
    // Read inside the writer's transaction; on PostgreSQL two concurrent writers may read the same
    // max, which only ties their order, never loses an entry.
    const last = await manager.createQueryBuilder(AuditEntryEntity, 'a').select('MAX(a.seq)', 'max').getRawOne<{ max: number | string | null }>();
    const row = manager.create(AuditEntryEntity, {
      id: randomUUID(),
      teamId: record.teamId,
      entityType: record.entityType,
      entityId: record.entityId,
      action: record.action,
      actorUserId: record.actor?.id ?? null,
      actorName: record.actor?.displayName ?? 'Shiftdesk',
      before: record.before === undefined || record.before === null ? null : JSON.stringify(record.before),
      after: record.after === undefined || record.after === null ? null : JSON.stringify(record.after),
      comment: record.comment ?? null,
      createdAt: at,
      seq: Number(last?.max ?? 0) + 1,
    });
    return manager.save(row);
  }

  async listFor(manager: EntityManager, where: { entityType?: string; entityId?: string; teamId?: string }, limit = 200): Promise<AuditEntry[]> {
    const rows = await manager.find(AuditEntryEntity, { where, order: { seq: 'DESC' }, take: limit });
    return rows.map(toAuditEntry);
  }
}

export function toAuditEntry(row: AuditEntryEntity): AuditEntry {
  return {
    id: row.id,
    teamId: row.teamId,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    actorUserId: row.actorUserId,
    actorName: row.actorName,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    comment: row.comment,
    at: row.createdAt,
  };
}
