/** One change in the audit trail (insert-only: an undo is a new entry, history is never rewritten). */
export interface AuditEntry {
  id: string;
  teamId: string | null;
  /** What changed, in the product's words: `swap request`, `time off`, `band`, `salary`… */
  entityType: string;
  entityId: string;
  /** The verb: `created`, `accepted`, `approved`, `undone`, `updated`… */
  action: string;
  /** null when Shiftdesk itself acted (a scheduled job). */
  actorUserId: string | null;
  actorName: string;
  /** Snapshots of the record before and after the change; null on create (before) or delete (after). */
  before: unknown;
  after: unknown;
  comment: string | null;
  /** UTC instant. */
  at: string;
}
