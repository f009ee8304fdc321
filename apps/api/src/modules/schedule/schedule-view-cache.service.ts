import { Injectable } from '@nestjs/common';
import { ScheduleChanges } from './schedule-changes.service';

/**
 * How long (ms) a computed view is reused at most. Every write through the API (any instance)
 * replaces the team's schedule version and so ends it at once; this bounds how long a write that
 * bypassed the API can stay unseen.
 */
export const VIEW_CACHE_MS = 60_000;
/** Views kept per process (a 31-day coverage of a 500-agent team is ~1 MB of JSON). */
const MAX_VIEWS = 48;

interface Entry {
  version: string;
  at: number;
  value: Promise<unknown>;
}

/**
 * Computed read views (schedule, coverage, gaps of a window) of a team, reused while the team's
 * schedule version in the database is the one they were computed at: one small read instead of
 * resolving and computing again, and never older than the last write in any API instance. The
 * version is read before computing, so a write committed meanwhile (it replaces the version
 * afterwards) is recomputed on the next request. Concurrent requests for the same view share one
 * computation; a failed one is not kept.
 */
@Injectable()
export class ScheduleViewCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly changes: ScheduleChanges) {}

  async get<T>(teamId: string, key: string, compute: () => Promise<T>): Promise<T> {
    const version = await this.changes.version(teamId);
    const id = `${teamId}|${key}`;
    const now = Date.now();
    const entry = this.entries.get(id);
    if (entry && entry.version === version && now - entry.at < VIEW_CACHE_MS) return entry.value as Promise<T>;
    const value = compute();
    // Re-inserted last: the Map's order is least recently computed first.
    this.entries.delete(id);
    this.entries.set(id, { version, at: now, value });
    value.catch(() => {
      if (this.entries.get(id)?.value === value) this.entries.delete(id);
    });
    for (const key of this.entries.keys()) {
      if (this.entries.size <= MAX_VIEWS) break;
      this.entries.delete(key);
    }
    return value;
  }
}
