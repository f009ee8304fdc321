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
import { createHash, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { createGzip, gunzip as gunzipCallback } from 'node:zlib';
import { type EntityManager, In } from 'typeorm';
import { placeholders } from '../../database/raw-sql';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { hashToken } from '../auth/auth.service';
import { DAY_MS, fromIso, toIso } from '../schedule/instants';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { ScheduleService } from '../schedule/schedule.service';
import { TeamEntity } from '../teams/team.entity';
import { FeedEventEntity } from './feed-event.entity';
import { FeedEntity } from './feed.entity';
import { FeedBodyEntity, FeedRenderEntity } from './feed-render.entity';
import { FEED_REFRESH_MINUTES } from './feeds.config';

const gunzip = promisify(gunzipCallback);
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Every event names the team as ORGANIZER (RFC 5546 PUBLISH needs one); nobody answers this address. */
const ORGANIZER_EMAIL = 'noreply@shiftdesk.invalid';
/** Raise when the writer's output changes: bodies stored by an older version are rendered again. */
const RENDER_FORMAT = 2;
/**
 * How long (ms) a stored body stands without a resolution confirming it. Every write through the
 * API (any instance) replaces the team's schedule version and so invalidates it at once; this
 * bounds how long a write that bypassed the API (SQL by hand) can stay unseen.
 */
export const FEED_REVALIDATE_MS = 60 * 60_000;
/** Bodies kept in this process, gzip and (once asked for) plain, by render id. */
const BODY_CACHE_BYTES = 128 * 1024 * 1024;
/** Event texts kept in this process (about 700 bytes each): a few large team feeds. */
const MAX_EVENT_TEXTS = 250_000;
/** Rows per INSERT/DELETE statement: 7 parameters each, far below both databases' limits. */
const BATCH_ROWS = 500;

export interface PublishedFeed {
  /** Strong validator (quoted for the header by the controller). */
  etag: string;
  lastModified: Instant;
  refreshMinutes: number;
  kind: FeedEntity['kind'];
  /** Which stored body goes with this ETag. */
  renderId: string;
}

interface Body {
  gzip: Buffer;
  text?: Buffer;
}

/** What the feed shows now: calendar-level fields and the events' content, in a stable order. */
interface CurrentFeed {
  header: { name: string; timeZone: string; organizer: string; refreshMinutes: number };
  contents: FeedEventContent[];
  from: Instant;
  to: Instant;
}

/** What says whether a stored body is current (the body itself stays in the database until asked for). */
type RenderMeta = FeedRenderEntity;

/**
 * Serves feeds from their stored copy. A feed's rendered calendar is kept gzipped in
 * `feed_bodies`, and its ETag and Last-Modified in `feed_renders` together with what it was
 * rendered from: the team's schedule version (ScheduleChanges replaces it after every write that
 * changes what feeds show), the feed's settings and the UTC day. A poll reads the feed, the
 * version and that metadata (one statement) and, when they still match, answers the stored body (kept in
 * memory by render id after the first read), so every API instance answers the same bytes and
 * none serves a copy older than the last write.
 *
 * Otherwise, and at least hourly (FEED_REVALIDATE_MS), the feed's window is resolved from the
 * final schedule (the one resolution step) and a digest of it compared with the one last
 * published: equal means the stored body stands; different (or a cancelled event ran out) means
 * the per-event states are reconciled (`reconcileFeedEvents`: SEQUENCE, LAST-MODIFIED, CANCELLED
 * for 30 days), the calendar rendered (DTSTAMP = each event's last change, so the body is a pure
 * function of the states and the ETag a digest of them) and stored. Concurrent polls of a stale
 * feed in one process share one rendering.
 */
@Injectable()
export class FeedPublisher {
  private readonly bodies = new Map<string, Body>();
  private cachedBytes = 0;
  /** Written VEVENTs by what they depend on (see render). */
  private readonly eventTexts = new Map<string, string>();
  /** Renderings under way, by feed id and what they render from. */
  private readonly rendering = new Map<string, Promise<PublishedFeed>>();

  constructor(
    private readonly source: ScheduleSource,
    private readonly schedule: ScheduleService,
    private readonly transactions: Transactions,
    @Inject(FEED_REFRESH_MINUTES) private readonly refreshMinutes: number,
  ) {}

  /** The feed behind a URL token, its stored body brought up to date; null for an unknown or revoked token. */
  async publish(token: string, now: Instant): Promise<{ feed: FeedEntity; published: PublishedFeed } | null> {
    const found = await this.lookUp(hashToken(token));
    if (!found) return null;
    const { feed, version, stored } = found;
    const settings = this.settingsOf(feed);
    const day = Math.floor(now / DAY_MS);
    if (stored && stored.version === version && stored.settings === settings && stored.day === day && (stored.validUntil === null || fromIso(stored.validUntil) > now) && now - fromIso(stored.checkedAt) < FEED_REVALIDATE_MS) {
      return { feed, published: this.toPublished(feed, stored) };
    }
    const key = `${feed.id}|${version}|${settings}|${day}`;
    let pending = this.rendering.get(key);
    if (!pending) {
      pending = this.refresh(feed, stored, { version, settings, day }, now).finally(() => this.rendering.delete(key));
      this.rendering.set(key, pending);
    }
    return { feed, published: await pending };
  }

  /**
   * The feed, its team's schedule version and its stored body's metadata in one statement (one
   * round trip: this is every poll's cost). The version is read before anything is resolved: a
   * body rendered from it is tagged with it, so a write committed meanwhile (which replaces the
   * version afterwards) can never hide behind it.
   */
  private async lookUp(tokenHash: string): Promise<{ feed: FeedEntity; version: string; stored: RenderMeta | null } | null> {
    const manager = this.source.manager;
    const p = placeholders(manager);
    const rows = (await manager.query(
      'SELECT f."id", f."kind", f."team_id", f."agent_id", f."subject", f."token_hash", f."token_hint", f."past_days", f."future_days", f."transparency", ' +
        'f."content_digest", f."etag", f."last_modified", f."next_expiry_at", f."created_by", f."created_at", f."rotated_at", f."updated_at", v."version" AS "team_version", ' +
        'r."render_id", r."version" AS "render_version", r."settings", r."day", r."valid_until", r."etag" AS "render_etag", r."last_modified" AS "render_last_modified", r."byte_length", r."checked_at" ' +
        `FROM "feeds" f LEFT JOIN "schedule_versions" v ON v."team_id" = f."team_id" LEFT JOIN "feed_renders" r ON r."feed_id" = f."id" WHERE f."token_hash" = ${p(1)}`,
      [tokenHash],
    )) as Record<string, string | number | null>[];
    const row = rows[0];
    if (!row) return null;
    const text = (name: string) => row[name] as string;
    const optional = (name: string) => (row[name] === null ? null : String(row[name]));
    const feed: FeedEntity = {
      id: text('id'),
      kind: text('kind') as FeedEntity['kind'],
      teamId: text('team_id'),
      agentId: optional('agent_id'),
      subject: text('subject'),
      tokenHash: text('token_hash'),
      tokenHint: text('token_hint'),
      pastDays: Number(row['past_days']),
      futureDays: Number(row['future_days']),
      transparency: text('transparency') as FeedEntity['transparency'],
      contentDigest: optional('content_digest'),
      etag: optional('etag'),
      lastModified: optional('last_modified'),
      nextExpiryAt: optional('next_expiry_at'),
      createdBy: optional('created_by'),
      createdAt: text('created_at'),
      rotatedAt: text('rotated_at'),
      updatedAt: text('updated_at'),
    };
    const stored: RenderMeta | null =
      row['render_id'] === null
        ? null
        : {
            feedId: feed.id,
            renderId: text('render_id'),
            version: text('render_version'),
            settings: text('settings'),
            day: Number(row['day']),
            validUntil: optional('valid_until'),
            etag: text('render_etag'),
            lastModified: text('render_last_modified'),
            byteLength: Number(row['byte_length']),
            checkedAt: text('checked_at'),
          };
    return { feed, version: optional('team_version') ?? '', stored };
  }

  /**
   * The stored body of a published state, gzipped or plain; null when another request has
   * replaced it since `publish` (the caller publishes again).
   */
  async body(feed: FeedEntity, published: PublishedFeed, gzipped: boolean): Promise<Buffer | null> {
    let body = this.bodies.get(published.renderId);
    if (!body) {
      const row = await this.source.manager.findOneBy(FeedBodyEntity, { feedId: feed.id });
      if (!row || row.renderId !== published.renderId) return null;
      body = { gzip: Buffer.from(row.bodyGzip, 'base64') };
      this.remember(published.renderId, body);
    }
    if (gzipped) return body.gzip;
    if (!body.text) {
      body.text = await gunzip(body.gzip);
      this.cachedBytes += body.text.length;
      this.evict(published.renderId);
    }
    return body.text;
  }

  private toPublished(feed: FeedEntity, render: RenderMeta): PublishedFeed {
    return { etag: render.etag, lastModified: fromIso(render.lastModified), refreshMinutes: this.refreshMinutes, kind: feed.kind, renderId: render.renderId };
  }

  /** Everything of the feed row and the configuration a body depends on, besides the schedule. */
  private settingsOf(feed: FeedEntity): string {
    return [RENDER_FORMAT, feed.kind, feed.agentId ?? '', feed.pastDays, feed.futureDays, feed.transparency, this.refreshMinutes].join('|');
  }

  /** Resolves the feed's window; confirms the stored body, or reconciles, renders and stores a new one. */
  private async refresh(feed: FeedEntity, stored: RenderMeta | null, basis: { version: string; settings: string; day: number }, now: Instant): Promise<PublishedFeed> {
    const current = await this.currentFeed(feed, now);
    const canonical = current.contents.map(canonicalFeedContent);
    const digest = sha256(`${JSON.stringify(current.header)}\n${canonical.join('\n')}`);
    const expired = feed.nextExpiryAt !== null && fromIso(feed.nextExpiryAt) <= now;
    const unchanged = digest === feed.contentDigest && feed.etag !== null && !expired;
    if (unchanged && stored && stored.etag === feed.etag && stored.settings === basis.settings) {
      // Nothing this feed shows changed: the stored body stands for the new version and day.
      const confirmed = { version: basis.version, day: basis.day, validUntil: feed.nextExpiryAt, checkedAt: toIso(now) };
      await this.transactions.run((manager) => manager.update(FeedRenderEntity, { feedId: feed.id, renderId: stored.renderId }, confirmed));
      return this.toPublished(feed, { ...stored, ...confirmed });
    }
    // Also when nothing changed but no body is stored: the states and the ETag come out of one transaction.
    const states = await this.reconcile(feed, current, canonical, digest, now);
    const { zipped, byteLength } = await this.render(current.header, states);
    const row: FeedRenderEntity = {
      feedId: feed.id,
      renderId: randomUUID(),
      version: basis.version,
      settings: basis.settings,
      day: basis.day,
      validUntil: feed.nextExpiryAt,
      etag: feed.etag as string,
      lastModified: feed.lastModified as string,
      byteLength,
      checkedAt: toIso(now),
    };
    await this.transactions.run(async (manager) => {
      await manager.upsert(FeedBodyEntity, { feedId: feed.id, renderId: row.renderId, bodyGzip: zipped.toString('base64') }, ['feedId']);
      await manager.upsert(FeedRenderEntity, row, ['feedId']);
    });
    this.remember(row.renderId, { gzip: zipped });
    return this.toPublished(feed, row);
  }

  /**
   * Writes the calendar straight into a gzip stream, 256 KB of text at a time: zlib compresses on
   * libuv's thread pool while the next events are written, and the plain body (28 MB for 42,000
   * events) is never held whole (joining and encoding it cost more in garbage collection than the
   * writing itself). Event texts are remembered in this process, so after a change only the
   * changed events are written again.
   */
  private async render(header: CurrentFeed['header'], states: FeedEventState[]): Promise<{ zipped: Buffer; byteLength: number }> {
    const organizer = { name: header.organizer, email: ORGANIZER_EMAIL };
    const zip = createGzip();
    const chunks: Buffer[] = [];
    zip.on('data', (chunk: Buffer) => chunks.push(chunk));
    const finished = new Promise<void>((resolve, reject) => {
      zip.once('end', resolve);
      zip.once('error', reject);
    });
    let byteLength = 0;
    const write = async (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      byteLength += bytes.length;
      if (!zip.write(bytes)) await new Promise((resolve) => zip.once('drain', resolve));
    };
    let batch = writeCalendarHeader({ name: header.name, timeZone: header.timeZone, refreshMinutes: header.refreshMinutes });
    for (const state of states) {
      // An event's text depends only on its content (fingerprint), SEQUENCE, LAST-MODIFIED, status and organizer.
      const key = `${state.uid}|${state.fingerprint}|${state.sequence}|${state.lastModified}|${state.cancelledAt === null ? '' : 'x'}|${header.organizer}`;
      let text = this.eventTexts.get(key);
      if (text === undefined) {
        text = writeFeedEvent(toFeedEvent(state), organizer);
        if (this.eventTexts.size >= MAX_EVENT_TEXTS) this.eventTexts.clear();
        this.eventTexts.set(key, text);
      }
      batch += text;
      if (batch.length >= 256 * 1024) {
        await write(batch);
        batch = '';
      }
    }
    await write(`${batch}${CALENDAR_END}`);
    zip.end();
    await finished;
    return { zipped: Buffer.concat(chunks), byteLength };
  }

  private remember(renderId: string, body: Body): void {
    this.bodies.set(renderId, body);
    this.cachedBytes += body.gzip.length + (body.text?.length ?? 0);
    this.evict(renderId);
  }

  /** Oldest first (Map keeps insertion order), never the one just used. */
  private evict(keep: string): void {
    for (const [key, value] of this.bodies) {
      if (this.cachedBytes <= BODY_CACHE_BYTES) break;
      if (key === keep) continue;
      this.bodies.delete(key);
      this.cachedBytes -= value.gzip.length + (value.text?.length ?? 0);
    }
  }

  /**
   * Brings the feed's event states in line with what it shows now and returns all of them (by
   * start, then UID), in one transaction with the feed's digest, ETag and Last-Modified. Rows
   * are written in multi-row statements: a first rendering of a large team feed inserts tens of
   * thousands of them.
   */
  private async reconcile(feed: FeedEntity, current: CurrentFeed, canonical: string[], digest: string, now: Instant): Promise<FeedEventState[]> {
    return this.transactions.run(async (manager) => {
      const result = reconcileFeedEvents({
        previous: await loadStates(manager, feed.id),
        current: current.contents.map((content, i) => ({ content, fingerprint: sha256(canonical[i]) })),
        from: current.from,
        to: current.to,
        now,
      });
      // Two requests reconciling the same change compute the same rows: the upsert writes the
      // same values twice, a delete of a row already gone deletes nothing.
      await upsertStates(manager, feed.id, [...result.inserted, ...result.updated]);
      await deleteStates(manager, feed.id, result.deleted);
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
      return result.states;
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

/** Raw rows (no entity hydration: a large team feed has tens of thousands). */
interface StateRow {
  uid: string;
  fingerprint: string;
  sequence: number | string;
  last_modified: string;
  cancelled_at: string | null;
  content: string;
}

async function loadStates(manager: EntityManager, feedId: string): Promise<FeedEventState[]> {
  const p = placeholders(manager);
  const rows = (await manager.query(`SELECT "uid", "fingerprint", "sequence", "last_modified", "cancelled_at", "content" FROM "feed_events" WHERE "feed_id" = ${p(1)}`, [feedId])) as StateRow[];
  return rows.map((row) => ({
    uid: row.uid,
    fingerprint: row.fingerprint,
    sequence: Number(row.sequence),
    lastModified: fromIso(row.last_modified),
    cancelledAt: row.cancelled_at === null ? null : fromIso(row.cancelled_at),
    content: JSON.parse(row.content) as FeedEventContent,
  }));
}

/** Inserts or replaces states; `ON CONFLICT … DO UPDATE` is the same SQL on SQLite (3.24+) and PostgreSQL. */
async function upsertStates(manager: EntityManager, feedId: string, states: FeedEventState[]): Promise<void> {
  const p = placeholders(manager);
  for (let i = 0; i < states.length; i += BATCH_ROWS) {
    const chunk = states.slice(i, i + BATCH_ROWS);
    const values = chunk.map((_, r) => `(${[1, 2, 3, 4, 5, 6, 7].map((c) => p(r * 7 + c)).join(', ')})`).join(', ');
    const params = chunk.flatMap((state) => [
      feedId,
      state.uid,
      state.fingerprint,
      state.sequence,
      toIso(state.lastModified),
      state.cancelledAt === null ? null : toIso(state.cancelledAt),
      JSON.stringify(state.content),
    ]);
    await manager.query(
      `INSERT INTO "feed_events" ("feed_id", "uid", "fingerprint", "sequence", "last_modified", "cancelled_at", "content") VALUES ${values} ` +
        'ON CONFLICT ("feed_id", "uid") DO UPDATE SET "fingerprint" = excluded."fingerprint", "sequence" = excluded."sequence", ' +
        '"last_modified" = excluded."last_modified", "cancelled_at" = excluded."cancelled_at", "content" = excluded."content"',
      params,
    );
  }
}

async function deleteStates(manager: EntityManager, feedId: string, uids: string[]): Promise<void> {
  for (let i = 0; i < uids.length; i += BATCH_ROWS) {
    await manager.delete(FeedEventEntity, { feedId, uid: In(uids.slice(i, i + BATCH_ROWS)) });
  }
}

/** The ETag of a published state: calendar fields plus each event's UID, content, SEQUENCE and status. */
function stateEtag(header: CurrentFeed['header'], states: FeedEventState[]): string {
  return sha256(`${JSON.stringify(header)}\n${states.map((s) => `${s.uid} ${s.fingerprint} ${s.sequence} ${s.cancelledAt === null ? '' : 'x'}`).join('\n')}`);
}
