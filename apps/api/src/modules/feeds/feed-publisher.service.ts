import { Inject, Injectable } from '@nestjs/common';
import type { Instant } from '@shiftdesk/scheduling';
import {
  CANCELLED_RETENTION_MS,
  canonicalFeedContent,
  gapFeedContent,
  reconcileFeedEvents,
  shiftFeedContent,
  toFeedEvent,
  CALENDAR_END,
  writeCalendarHeader,
  writeFeedEvent,
  type FeedEventContent,
  type FeedEventState,
} from '@shiftdesk/scheduling/ical';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';
import { In } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { hashToken } from '../auth/auth.service';
import { DAY_MS, fromIso, toIso } from '../schedule/instants';
import { ScheduleChanges } from '../schedule/schedule-changes.service';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { ScheduleService } from '../schedule/schedule.service';
import { TeamEntity } from '../teams/team.entity';
import { FeedEventEntity } from './feed-event.entity';
import { FeedEntity } from './feed.entity';
import { FEED_REFRESH_MINUTES } from './feeds.config';

const gzip = promisify(gzipCallback);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Every event names the team as ORGANIZER (RFC 5546 PUBLISH needs one); nobody answers this address. */
const ORGANIZER_EMAIL = 'noreply@shiftdesk.invalid';
/** Rendered bodies kept in memory, by ETag (a 200 × 210-day team feed is about 20 MB before gzip). */
const BODY_CACHE_BYTES = 128 * 1024 * 1024;
/**
 * How long (ms) this process trusts a feed's last check without resolving the schedule again.
 * Writes in this process (ScheduleChanges) end it at once; a write through another API instance
 * shows after at most this long, far below the 30-minute poll interval calendar apps use.
 * Resolving 210 days of a 200-agent team takes about a second, so without it every poll would.
 */
export const FEED_RECHECK_MS = 60_000;
/** Event texts kept (about 600 bytes each): a few large team feeds. */
const MAX_EVENT_TEXTS = 250_000;

export interface PublishedFeed {
  /** Strong validator (quoted for the header by the controller). */
  etag: string;
  lastModified: Instant;
  refreshMinutes: number;
  kind: FeedEntity['kind'];
}

interface Body {
  text: Buffer;
  gzip?: Buffer;
}

/** What the feed shows now: calendar-level fields and the events' content, in a stable order. */
interface CurrentFeed {
  header: { name: string; timeZone: string; organizer: string; refreshMinutes: number };
  contents: FeedEventContent[];
  from: Instant;
  to: Instant;
}

/**
 * Serves feeds. Each request resolves the feed's window from the final schedule (the one
 * resolution step) and compares a digest of it with the one the feed last published; only when
 * it differs (or a cancelled event runs out) are the per-event states reconciled and written
 * (`reconcileFeedEvents`: SEQUENCE, LAST-MODIFIED, CANCELLED for 30 days). The ETag is a digest
 * of the published state and the body a pure function of it (DTSTAMP = the feed's last change),
 * so every API instance answers the same bytes and the same ETag; rendered bodies are cached in
 * memory by ETag, and a matching conditional request gets 304 without rendering.
 */
@Injectable()
export class FeedPublisher {
  private readonly bodies = new Map<string, Body>();
  /**
   * Rendered VEVENT texts: ical-generator takes ~0.2 ms per event, so a 42,000-event team feed
   * would take ~10 s (blocking the event loop) to render after every change; with this only the
   * changed events are rendered again.
   */
  private readonly eventTexts = new Map<string, string>();
  private cachedBytes = 0;
  /** Per feed id: when this process last brought it up to date, and for which feed row state. */
  private readonly checked = new Map<string, { key: string; teamId: string; at: Instant }>();

  constructor(
    private readonly source: ScheduleSource,
    private readonly schedule: ScheduleService,
    private readonly transactions: Transactions,
    @Inject(FEED_REFRESH_MINUTES) private readonly refreshMinutes: number,
    changes: ScheduleChanges,
  ) {
    changes.subscribe(async (teamId) => {
      for (const [feedId, entry] of this.checked) if (entry.teamId === teamId) this.checked.delete(feedId);
    });
  }

  /** The feed behind a URL token, brought up to date; null for an unknown or revoked token. */
  async publish(token: string, now: Instant): Promise<{ feed: FeedEntity; published: PublishedFeed } | null> {
    const feed = await this.source.manager.findOneBy(FeedEntity, { tokenHash: hashToken(token) });
    if (!feed) return null;
    // The row's own state is part of the key: new settings, another instance's publish, or a new
    // day (the window moves at 00:00 UTC) all mean a fresh check.
    const key = `${feed.updatedAt}|${feed.etag}|${Math.floor(now / DAY_MS)}`;
    const last = this.checked.get(feed.id);
    const fresh = last !== undefined && last.key === key && now - last.at < FEED_RECHECK_MS && (feed.nextExpiryAt === null || fromIso(feed.nextExpiryAt) > now);
    if (!fresh) await this.check(feed, now);
    return { feed, published: { etag: feed.etag as string, lastModified: fromIso(feed.lastModified as string), refreshMinutes: this.refreshMinutes, kind: feed.kind } };
  }

  /** Resolves the feed's window and, if it differs from what was published, reconciles it. */
  private async check(feed: FeedEntity, now: Instant): Promise<void> {
    const current = await this.currentFeed(feed, now);
    const canonical = current.contents.map(canonicalFeedContent);
    const digest = sha256(`${JSON.stringify(current.header)}\n${canonical.join('\n')}`);
    const expired = feed.nextExpiryAt !== null && fromIso(feed.nextExpiryAt) <= now;
    if (digest !== feed.contentDigest || feed.etag === null || feed.lastModified === null || expired) {
      await this.reconcile(feed, current, canonical, digest, now);
    }
    this.checked.set(feed.id, { key: `${feed.updatedAt}|${feed.etag}|${Math.floor(now / DAY_MS)}`, teamId: feed.teamId, at: now });
  }

  /** The body for a published state (rendered once per ETag and process), gzipped on request. */
  async body(feed: FeedEntity, published: PublishedFeed, gzipped: boolean): Promise<Buffer> {
    let body = this.bodies.get(published.etag);
    if (!body) {
      const rows = await this.source.manager.find(FeedEventEntity, { where: { feedId: feed.id } });
      const { team: _team, agent: _agent, ...header } = await this.header(feed);
      const states = rows.map(toState).sort(byStartThenUid);
      const organizer = { name: header.organizer, email: ORGANIZER_EMAIL };
      const parts = [writeCalendarHeader({ name: header.name, timeZone: header.timeZone, refreshMinutes: this.refreshMinutes })];
      for (const state of states) {
        // An event's text depends only on its content, SEQUENCE, LAST-MODIFIED, status and organizer.
        const key = `${state.uid}|${state.fingerprint}|${state.sequence}|${state.lastModified}|${state.cancelledAt === null ? '' : 'x'}|${header.organizer}`;
        let text = this.eventTexts.get(key);
        if (text === undefined) {
          text = writeFeedEvent(toFeedEvent(state), organizer);
          if (this.eventTexts.size >= MAX_EVENT_TEXTS) this.eventTexts.clear();
          this.eventTexts.set(key, text);
        }
        parts.push(text);
      }
      parts.push(CALENDAR_END);
      body = { text: Buffer.from(parts.join(''), 'utf8') };
      // Another request may have published a newer state meanwhile: cache only what matches.
      if (stateEtag(header, states) === published.etag) this.remember(published.etag, body);
    }
    if (!gzipped) return body.text;
    body.gzip ??= await gzip(body.text);
    return body.gzip;
  }

  private remember(etag: string, body: Body): void {
    this.bodies.set(etag, body);
    this.cachedBytes += body.text.length;
    // Oldest first (Map keeps insertion order); gzip copies are small next to the text.
    for (const [key, value] of this.bodies) {
      if (this.cachedBytes <= BODY_CACHE_BYTES || key === etag) break;
      this.bodies.delete(key);
      this.cachedBytes -= value.text.length;
    }
  }

  private async reconcile(feed: FeedEntity, current: CurrentFeed, canonical: string[], digest: string, now: Instant): Promise<void> {
    await this.transactions.run(async (manager) => {
      const rows = await manager.find(FeedEventEntity, { where: { feedId: feed.id } });
      const result = reconcileFeedEvents({
        previous: rows.map(toState),
        current: current.contents.map((content, i) => ({ content, fingerprint: sha256(canonical[i]) })),
        from: current.from,
        to: current.to,
        now,
      });
      const toRow = (state: FeedEventState): FeedEventEntity => ({
        feedId: feed.id,
        uid: state.uid,
        fingerprint: state.fingerprint,
        sequence: state.sequence,
        lastModified: toIso(state.lastModified),
        cancelledAt: state.cancelledAt === null ? null : toIso(state.cancelledAt),
        content: JSON.stringify(state.content),
      });
      // Two requests reconciling the same change compute the same rows: an insert that finds
      // its row already there is skipped, updates write the same values.
      for (let i = 0; i < result.inserted.length; i += 200) {
        await manager.createQueryBuilder().insert().into(FeedEventEntity).values(result.inserted.slice(i, i + 200).map(toRow)).orIgnore().execute();
      }
      for (const state of result.updated) {
        const { feedId, uid, ...values } = toRow(state);
        await manager.update(FeedEventEntity, { feedId, uid }, values);
      }
      for (let i = 0; i < result.deleted.length; i += 200) {
        await manager.delete(FeedEventEntity, { feedId: feed.id, uid: In(result.deleted.slice(i, i + 200)) });
      }
      const etag = stateEtag(current.header, result.states);
      const changed = result.inserted.length + result.updated.length + result.deleted.length > 0 || etag !== feed.etag;
      const cancelled = result.states.filter((s) => s.cancelledAt !== null).map((s) => (s.cancelledAt as number) + CANCELLED_RETENTION_MS);
      // HTTP dates have whole seconds: Last-Modified moves by at least one second per change.
      const lastModified = changed || feed.lastModified === null ? Math.floor(now / 1000) * 1000 : fromIso(feed.lastModified);
      feed.contentDigest = digest;
      feed.etag = etag;
      feed.lastModified = toIso(lastModified);
      feed.nextExpiryAt = cancelled.length > 0 ? toIso(Math.min(...cancelled)) : null;
      await manager.update(FeedEntity, { id: feed.id }, { contentDigest: feed.contentDigest, etag: feed.etag, lastModified: feed.lastModified, nextExpiryAt: feed.nextExpiryAt });
    });
  }

  /**
   * The window is whole UTC days: [today 00:00Z − pastDays, today 00:00Z + futureDays + 1 day),
   * so the published set (and the ETag) changes at most once a day on its own.
   */
  private window(feed: FeedEntity, now: Instant): { from: Instant; to: Instant } {
    const today = Math.floor(now / DAY_MS) * DAY_MS;
    return { from: today - feed.pastDays * DAY_MS, to: today + (feed.futureDays + 1) * DAY_MS };
  }

  private async header(feed: FeedEntity): Promise<CurrentFeed['header'] & { team: TeamEntity; agent: AgentEntity | null }> {
    const team = await this.source.loadTeam(feed.teamId);
    const agent = feed.agentId ? await this.source.manager.findOneBy(AgentEntity, { id: feed.agentId }) : null;
    const name = feed.kind === 'agent' ? `${agent?.displayName ?? 'Agent'} · shifts` : feed.kind === 'team' ? `${team.name} · shifts` : `${team.name} · open gaps`;
    return { name, timeZone: agent?.timeZone ?? team.timeZone, organizer: team.name, refreshMinutes: this.refreshMinutes, team, agent };
  }

  private async currentFeed(feed: FeedEntity, now: Instant): Promise<CurrentFeed> {
    const { from, to } = this.window(feed, now);
    const { team, agent, ...header } = await this.header(feed);
    const teamInfo = { name: team.name, timeZone: team.timeZone };
    let contents: FeedEventContent[];
    if (feed.kind === 'gaps') {
      const gaps = await this.schedule.findTeamGaps(feed.teamId, from, to, true);
      contents = gaps.map((gap) => gapFeedContent({ gap, team: teamInfo, transparency: feed.transparency }));
    } else {
      const manager = this.source.manager;
      const shifts = (await this.source.resolve(manager, { teamId: feed.teamId, from, to, agentId: feed.agentId ?? undefined })).filter(
        // Feeds show published shifts only (drafts are the manager's work in progress).
        (shift) => shift.status === 'published' && (feed.agentId === null || shift.agentId === feed.agentId),
      );
      const agentIds = [...new Set(shifts.map((shift) => shift.agentId))];
      const agents = agentIds.length === 0 ? [] : await manager.find(AgentEntity, { select: { id: true, displayName: true, email: true, timeZone: true }, where: { id: In(agentIds) } });
      const byId = new Map(agents.map((row) => [row.id, row]));
      contents = shifts.flatMap((shift) => {
        const row = byId.get(shift.agentId) ?? (agent?.id === shift.agentId ? agent : undefined);
        if (!row) return [];
        return [
          shiftFeedContent({
            kind: feed.kind === 'agent' ? 'agent' : 'team',
            shift,
            agent: { name: row.displayName, email: row.email, timeZone: row.timeZone },
            team: teamInfo,
            transparency: feed.transparency,
          }),
        ];
      });
    }
    contents.sort((a, b) => a.start - b.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
    return { header, contents, from, to };
  }
}

function toState(row: FeedEventEntity): FeedEventState {
  return {
    uid: row.uid,
    fingerprint: row.fingerprint,
    sequence: row.sequence,
    lastModified: fromIso(row.lastModified),
    cancelledAt: row.cancelledAt === null ? null : fromIso(row.cancelledAt),
    content: JSON.parse(row.content) as FeedEventContent,
  };
}

const byStartThenUid = (a: FeedEventState, b: FeedEventState): number => a.content.start - b.content.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0);

/** The ETag of a published state: calendar fields plus each event's UID, content, SEQUENCE and status. */
function stateEtag(header: CurrentFeed['header'], states: FeedEventState[]): string {
  return sha256(`${JSON.stringify(header)}\n${states.map((s) => `${s.uid} ${s.fingerprint} ${s.sequence} ${s.cancelledAt === null ? '' : 'x'}`).join('\n')}`);
}
