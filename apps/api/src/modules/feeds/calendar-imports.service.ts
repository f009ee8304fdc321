import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import type { CalendarImport, UnavailabilityResponse, UnavailabilitySpan } from '@shiftdesk/shared-api-contract';
import type { Instant } from '@shiftdesk/scheduling';
import { randomUUID } from 'node:crypto';
import { IsNull, LessThanOrEqual, Not, type EntityManager } from 'typeorm';
import { apiError } from '../../common/api-error';
import { Transactions } from '../../database/transactions';
import { AgentEntity } from '../agents/agent.entity';
import { assertManagesTeam, type AuthenticatedUser } from '../auth/authenticated-user';
import { DAY_MS, toIso } from '../schedule/instants';
import { ScheduleSource } from '../schedule/schedule-source.service';
import { resolveWindow } from '../schedule/time-window';
import { CalendarImportEntity } from './calendar-import.entity';
import { parseUnavailability, type ParsedSpan } from './calendar-import-parser';
import type { CreateCalendarImportDto } from './dto/create-calendar-import.dto';
import { IMPORT_REFRESH_MINUTES } from './feeds.config';
import { UnavailabilitySpanEntity } from './unavailability-span.entity';

/** Imported events are kept from 31 days back to a year ahead (recurring ones expanded in it). */
const IMPORT_PAST_MS = 31 * DAY_MS;
const IMPORT_FUTURE_MS = 366 * DAY_MS;
/** A calendar server gets this long to answer (ms), and at most this many bytes are read. */
const FETCH_TIMEOUT_MS = 10_000;
const MAX_FETCH_BYTES = 5 * 1024 * 1024;
/** URL imports refreshed per job tick; the rest wait for the next tick. */
const BATCH = 20;

type Outcome = { ok: true; spans: ParsedSpan[] } | { ok: false; message: string };

/** 400 naming the field, as the validation pipe writes it. */
function bad(field: string, explanation: string): BadRequestException {
  const message = `${field}: ${explanation}`;
  return new BadRequestException(apiError(400, message, [{ field, message }]));
}

/**
 * External calendars attached to an agent as unavailability (issue 6 §5), managers only. A URL
 * is fetched at once and again by CalendarImportJob; an upload is read once (a new upload
 * replaces it). Every good read replaces the import's spans in one transaction; a bad one
 * (unreachable, an HTML sign-in page, not iCalendar) leaves the previous spans untouched and is
 * recorded as the import's last status and error. A new import whose first read is bad is not
 * created at all: the manager gets a 400 saying what came back.
 */
@Injectable()
export class CalendarImportsService {
  private readonly logger = new Logger('CalendarImports');

  constructor(
    private readonly source: ScheduleSource,
    private readonly transactions: Transactions,
    @Inject(IMPORT_REFRESH_MINUTES) private readonly refreshMinutes: number,
  ) {}

  async list(user: AuthenticatedUser, agentId: string): Promise<CalendarImport[]> {
    await this.managedAgent(user, agentId);
    const rows = await this.source.manager.find(CalendarImportEntity, { where: { agentId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return rows.map(toCalendarImport);
  }

  async create(user: AuthenticatedUser, agentId: string, body: CreateCalendarImportDto, now: Instant): Promise<CalendarImport> {
    const agent = await this.managedAgent(user, agentId);
    if ((body.url === undefined) === (body.ics === undefined)) throw bad('url', 'give either the address of an iCal file (url) or the text of an .ics file (ics), not both and not neither');
    const url = body.url === undefined ? null : normalizeUrl(body.url);
    const outcome = url ? await this.fetchAndParse(url, agent.timeZone, now) : this.parse(body.ics ?? '', agent.timeZone, now);
    if (!outcome.ok) throw bad(url ? 'url' : 'ics', outcome.message);
    const row: CalendarImportEntity = {
      id: randomUUID(),
      teamId: agent.teamId,
      agentId: agent.id,
      url,
      label: body.label || (url ? new URL(url).host : 'Uploaded calendar'),
      lastStatus: 'ok',
      lastError: null,
      lastFetchedAt: toIso(now),
      lastSucceededAt: toIso(now),
      spanCount: outcome.spans.length,
      createdBy: user.id,
      createdAt: toIso(now),
      updatedAt: toIso(now),
    };
    await this.transactions.run(async (manager) => {
      await manager.insert(CalendarImportEntity, row);
      await this.replaceSpans(manager, row, outcome.spans);
    });
    return toCalendarImport(row);
  }

  /** Reads the import again now (URL) or from a new upload; a failure keeps the previous spans and answers 400. */
  async refresh(user: AuthenticatedUser, agentId: string, id: string, ics: string | undefined, now: Instant): Promise<CalendarImport> {
    const agent = await this.managedAgent(user, agentId);
    const row = await this.source.manager.findOneBy(CalendarImportEntity, { id, agentId });
    if (!row) throw new NotFoundException(`No calendar import with id ${id} for this agent`);
    if (!row.url && ics === undefined) throw bad('ics', 'this import was uploaded: send the new .ics text to replace it');
    if (row.url && ics !== undefined) throw bad('ics', 'this import reads a URL: leave ics out, it is fetched again');
    const outcome = row.url ? await this.fetchAndParse(row.url, agent.timeZone, now) : this.parse(ics ?? '', agent.timeZone, now);
    const saved = await this.record(row, outcome, now);
    if (!outcome.ok) throw bad(row.url ? 'url' : 'ics', `${outcome.message}; the previous import (${row.spanCount} busy spans) is kept`);
    return toCalendarImport(saved);
  }

  async remove(user: AuthenticatedUser, agentId: string, id: string): Promise<void> {
    await this.managedAgent(user, agentId);
    const row = await this.source.manager.findOneBy(CalendarImportEntity, { id, agentId });
    if (!row) throw new NotFoundException(`No calendar import with id ${id} for this agent`);
    await this.transactions.run(async (manager) => {
      await manager.delete(UnavailabilitySpanEntity, { importId: id });
      await manager.delete(CalendarImportEntity, { id });
    });
  }

  /** The agent's busy spans overlapping [from, to) (default: this week in the team's zone), managers only. */
  async unavailability(user: AuthenticatedUser, agentId: string, query: { from?: string; to?: string }): Promise<UnavailabilityResponse> {
    const agent = await this.managedAgent(user, agentId);
    const team = await this.source.loadTeam(agent.teamId);
    const { from, to } = resolveWindow({ ...query, zone: team.timeZone, now: Date.now() });
    const spans = await this.spansFor(this.source.manager, [agentId], from, to);
    return { agentId, from: toIso(from), to: toIso(to), spans: spans.map(toSpan) };
  }

  /** Busy spans of these agents overlapping [from, to), for the gap candidate list and others. */
  async spansFor(manager: EntityManager, agentIds: string[], from: Instant, to: Instant): Promise<UnavailabilitySpanEntity[]> {
    if (agentIds.length === 0) return [];
    const rows = await manager
      .createQueryBuilder(UnavailabilitySpanEntity, 'span')
      .where('span.agent_id IN (:...agentIds)', { agentIds })
      .andWhere('span.start_at < :to AND span.end_at > :from', { from: toIso(from), to: toIso(to) })
      .orderBy('span.start_at', 'ASC')
      .addOrderBy('span.id', 'ASC')
      .getMany();
    return rows;
  }

  /** The job's tick: URL imports whose last fetch is older than the refresh interval. Returns how many were fetched. */
  async refreshDue(now: Instant): Promise<number> {
    const due = await this.source.manager.find(CalendarImportEntity, {
      where: [
        { url: Not(IsNull()), lastFetchedAt: LessThanOrEqual(toIso(now - this.refreshMinutes * 60_000)) },
        { url: Not(IsNull()), lastFetchedAt: IsNull() },
      ],
      order: { lastFetchedAt: 'ASC', id: 'ASC' },
      take: BATCH,
    });
    let fetched = 0;
    for (const row of due) {
      try {
        const agent = await this.source.manager.findOneBy(AgentEntity, { id: row.agentId });
        if (!agent || !row.url) continue;
        await this.record(row, await this.fetchAndParse(row.url, agent.timeZone, now), now);
        fetched += 1;
      } catch (error) {
        this.logger.error(`calendar import ${row.id}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
    }
    return fetched;
  }

  /** Saves the outcome of a read: new spans on success, only the status and error on failure. */
  private async record(row: CalendarImportEntity, outcome: Outcome, now: Instant): Promise<CalendarImportEntity> {
    const changes: Partial<CalendarImportEntity> = outcome.ok
      ? { lastStatus: 'ok', lastError: null, lastFetchedAt: toIso(now), lastSucceededAt: toIso(now), spanCount: outcome.spans.length, updatedAt: toIso(now) }
      : { lastStatus: 'failed', lastError: outcome.message.slice(0, 500), lastFetchedAt: toIso(now), updatedAt: toIso(now) };
    const saved = { ...row, ...changes };
    await this.transactions.run(async (manager) => {
      await manager.update(CalendarImportEntity, { id: row.id }, changes);
      if (outcome.ok) await this.replaceSpans(manager, saved, outcome.spans);
    });
    return saved;
  }

  private async replaceSpans(manager: EntityManager, row: CalendarImportEntity, spans: ParsedSpan[]): Promise<void> {
    await manager.delete(UnavailabilitySpanEntity, { importId: row.id });
    const rows: UnavailabilitySpanEntity[] = spans.map((span) => ({
      id: randomUUID(),
      importId: row.id,
      agentId: row.agentId,
      startAt: toIso(span.start),
      endAt: toIso(span.end),
      timeZone: span.timeZone,
      allDay: span.allDay,
      summary: span.summary,
    }));
    for (let i = 0; i < rows.length; i += 200) await manager.insert(UnavailabilitySpanEntity, rows.slice(i, i + 200));
  }

  private parse(text: string, agentZone: string, now: Instant): Outcome {
    return parseUnavailability(text, { from: now - IMPORT_PAST_MS, to: now + IMPORT_FUTURE_MS, agentZone });
  }

  /** GET the URL (bounded in time and size) and parse it; never throws, a failure is an outcome. */
  private async fetchAndParse(url: string, agentZone: string, now: Instant): Promise<Outcome> {
    let response: Response;
    try {
      response = await fetch(url, { headers: { Accept: 'text/calendar, */*;q=0.5', 'User-Agent': 'Shiftdesk-Calendar-Import/1' }, redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
      return { ok: false, message: `the calendar address could not be fetched (${reason})` };
    }
    if (!response.ok) {
      await response.body?.cancel();
      return { ok: false, message: `the calendar address answered HTTP ${response.status}${response.status === 401 || response.status === 403 ? ' (it needs a sign-in: use the calendar’s secret iCal address)' : ''}` };
    }
    const declared = Number(response.headers.get('content-length') ?? '0');
    if (declared > MAX_FETCH_BYTES) {
      await response.body?.cancel();
      return { ok: false, message: `the calendar is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB` };
    }
    const bytes = Buffer.from(await response.arrayBuffer());
    if (bytes.length > MAX_FETCH_BYTES) return { ok: false, message: `the calendar is larger than ${MAX_FETCH_BYTES / 1024 / 1024} MB` };
    const type = response.headers.get('content-type') ?? '';
    const text = bytes.toString('utf8');
    if (/text\/html/i.test(type) && !/^\s*BEGIN:VCALENDAR/i.test(text.replace(/^\uFEFF/, ''))) {
      return { ok: false, message: 'the address answered an HTML page (perhaps a sign-in page), not an iCalendar file; use the calendar’s secret iCal (.ics) address' };
    }
    return this.parse(text, agentZone, now);
  }

  private async managedAgent(user: AuthenticatedUser, agentId: string): Promise<AgentEntity> {
    const agent = await this.source.manager.findOneBy(AgentEntity, { id: agentId });
    if (!agent) throw new NotFoundException(`No agent with id ${agentId}`);
    assertManagesTeam(user, agent.teamId);
    return agent;
  }
}

/** webcal:// is http(s) by another name (calendar apps use it to open subscriptions). */
function normalizeUrl(raw: string): string {
  const value = raw.replace(/^webcals?:\/\//i, 'https://');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw bad('url', 'must be the http(s) address of an iCal file, e.g. https://calendar.example.com/basic.ics');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw bad('url', `must use http, https or webcal, not ${url.protocol.replace(':', '')}`);
  return url.toString();
}

export function toCalendarImport(row: CalendarImportEntity): CalendarImport {
  return {
    id: row.id,
    agentId: row.agentId,
    teamId: row.teamId,
    url: row.url,
    label: row.label,
    lastStatus: row.lastStatus,
    lastError: row.lastError,
    lastFetchedAt: row.lastFetchedAt,
    lastSucceededAt: row.lastSucceededAt,
    spanCount: row.spanCount,
    createdAt: row.createdAt,
  };
}

function toSpan(row: UnavailabilitySpanEntity): UnavailabilitySpan {
  return { id: row.id, agentId: row.agentId, importId: row.importId, start: row.startAt, end: row.endAt, timeZone: row.timeZone, allDay: row.allDay, summary: row.summary };
}

