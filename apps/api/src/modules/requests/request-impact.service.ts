import { Injectable } from '@nestjs/common';
import type { ImpactGap, ImpactIssue, RequestImpact, RequestShift } from '@shiftdesk/shared-api-contract';
import { assessRequestImpact, formatLocalDateTime, type CoverageChange, type Instant, type Shift, type ShiftMove, type TimeOff } from '@shiftdesk/scheduling';
import type { EntityManager } from 'typeorm';
import { DAY_MS, fromIso, toIso } from '../schedule/instants';
import { ScheduleSource, swapsOf } from '../schedule/schedule-source.service';
import { localLabel } from '../schedule/time-window';
import { parseSnapshot } from './shift-request.mapper';
import type { ShiftRequestEntity } from './shift-request.entity';

const BUCKET_MS = 15 * 60_000;
/** Labour rules look a week either side (rest, weekly hours, consecutive days); averaging presets further back. */
const LABOUR_MARGIN_MS = 8 * DAY_MS;

/** The fields of a request that decide its effect (a saved row, or one being filed or previewed). */
export type RequestUnderReview = Pick<
  ShiftRequestEntity,
  'id' | 'teamId' | 'kind' | 'state' | 'requesterAgentId' | 'targetAgentId' | 'shiftId' | 'targetShiftId' | 'shiftSnapshot' | 'targetShiftSnapshot' | 'timeOffStart' | 'timeOffEnd' | 'spanStart' | 'spanEnd'
>;

/**
 * A request's impact, computed on the final schedule: "before" is the schedule without this
 * request (everything else approved stays applied), "after" is before plus this request. The
 * shifts it names must still be what the request saw: otherwise it is stale and nothing may
 * apply it (a swap is never applied on data that changed under it).
 */
@Injectable()
export class RequestImpactService {
  constructor(private readonly source: ScheduleSource) {}

  async assess(manager: EntityManager, request: RequestUnderReview, now: Instant, teamZone: string): Promise<RequestImpact> {
    const spanStart = fromIso(request.spanStart);
    const spanEnd = fromIso(request.spanEnd);
    const settings = await this.source.loadSettings(manager, request.teamId);
    const labourRules = this.source.labourRulesOf(settings);
    const lookbackWeeks = Math.min(17, Math.max(1, labourRules.defaults.averagingWeeks ?? 1));
    const loadFrom = spanStart - Math.max(LABOUR_MARGIN_MS, lookbackWeeks * 7 * DAY_MS);
    const loadTo = spanEnd + LABOUR_MARGIN_MS;
    const without = request.state === 'approved' ? [request.id] : [];
    const moves: ShiftMove[] = swapsOf(request);
    const timeOff: TimeOff[] =
      request.kind === 'time-off' && request.timeOffStart && request.timeOffEnd
        ? [{ id: request.id, agentId: request.requesterAgentId, start: fromIso(request.timeOffStart), end: fromIso(request.timeOffEnd) }]
        : [];
    // One after the other: inside a transaction `manager` holds one PostgreSQL client, which runs one query at a time.
    const before = await this.source.resolve(manager, { teamId: request.teamId, from: loadFrom, to: loadTo, without });
    const after = await this.source.resolve(manager, { teamId: request.teamId, from: loadFrom, to: loadTo, without, with: { swaps: moves, timeOff } });
    const { agents, names } = await this.source.loadAgents(manager, request.teamId);
    const coverageRules = await this.source.loadRules(manager, request.teamId);
    const staleReason = request.state === 'approved' ? null : this.staleness(request, before, names);
    const agentIds = [...new Set([request.requesterAgentId, ...(request.targetAgentId ? [request.targetAgentId] : [])])];
    const assessment = assessRequestImpact({
      agents,
      coverageRules,
      labourRules,
      before,
      after,
      moves,
      agentIds,
      // Whole 15-minute buckets around the span, so the coverage grid matches the heatmap's.
      from: Math.floor(spanStart / BUCKET_MS) * BUCKET_MS,
      to: Math.ceil(spanEnd / BUCKET_MS) * BUCKET_MS,
    });
    const issue = (i: { agentId: string; code: string; message: string }): ImpactIssue => ({ agentId: i.agentId, agentName: names.get(i.agentId) ?? 'A former agent', code: i.code, message: i.message });
    const gap = (change: CoverageChange): ImpactGap => ({
      ruleId: change.ruleId,
      ruleName: change.ruleName,
      start: toIso(change.start),
      end: toIso(change.end),
      localStart: localLabel(change.start, teamZone),
      localEnd: localLabel(change.end, teamZone),
      required: change.required,
      presentBefore: change.presentBefore,
      presentAfter: change.presentAfter,
      language: change.language ? { code: change.language.code, minLevel: change.language.minLevel } : null,
      channel: change.channel ?? null,
    });
    const blockers = assessment.blockers.map(issue);
    return {
      computedAt: toIso(now),
      stale: staleReason !== null,
      staleReason,
      blockers,
      warnings: assessment.warnings.map(issue),
      gapsOpened: assessment.gapsOpened.map(gap),
      gapsClosed: assessment.gapsClosed.map(gap),
      clean: staleReason === null && assessment.clean,
    };
  }

  /** Why the request no longer matches the schedule, or null when it still does. */
  private staleness(request: RequestUnderReview, before: readonly Shift[], names: ReadonlyMap<string, string>): string | null {
    const check = (snapshot: RequestShift | null, whose: string): string | null => {
      if (!snapshot) return null;
      const now = before.find((shift) => shift.id === snapshot.shiftId);
      if (!now) return `${whose} shift is no longer in the schedule`;
      if (now.agentId !== snapshot.agentId) return `${whose} shift now belongs to ${names.get(now.agentId) ?? 'someone else'}`;
      if (toIso(now.start) !== snapshot.start || toIso(now.end) !== snapshot.end) return `${whose} shift has moved to ${formatLocalDateTime(now.start, now.timeZone)}–${formatLocalDateTime(now.end, now.timeZone).slice(11)} (${now.timeZone}) since the request was made`;
      return null;
    };
    return check(parseSnapshot(request.shiftSnapshot), 'The requested') ?? check(parseSnapshot(request.targetShiftSnapshot), 'The colleague’s');
  }
}
