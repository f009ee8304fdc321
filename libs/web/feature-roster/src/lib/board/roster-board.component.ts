import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, Injector, type OnInit, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AgentSummary, ApiError, CoverageResponse, ScheduledShift, UpdateShiftRequest } from '@shiftdesk/shared-api-contract';
import { addDays, formatCompactSpan, formatDayLabel, formatSpan, zoneAbbreviation, ScheduleApi, ScheduleStore, startOfDay, startOfIsoWeek, todayIn, wallMinutes, weekDates, weekFetchWindow, weekSpan } from '@shiftdesk/web-data-access-schedule';
import { ConfirmDialogComponent, EmptyStateComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, saveText, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { TeamContextStore, type ZoneMode } from '../shared/team-context.store';
import { layoutRow, shiftHours, type BarSegment } from './roster-layout';
import { instantToLocalDate } from './draft-time';
import { newDraft, shiftToDraft, type ShiftDraft } from './shift-draft';
import { ShiftDialogComponent, type ShiftDialogOutcome } from './shift-dialog.component';
import { OverrideDialogComponent, type OverrideDialogOutcome, type OverrideTarget } from './override-dialog.component';
import { GenerateRosterComponent } from '../generate/generate-roster.component';
import { describeOverlap, explainUndraggable, moveShift } from './shift-move';
import { buildHeatmap } from '../coverage-page/heatmap';
import { buildCoverStrip, describeCoverStrip } from './cover-strip';

interface Bar extends BarSegment {
  shift: ScheduledShift;
  /** Unique in a cell: the shift id, or `<id>~preview` for where a dragged shift would land. */
  key: string;
  /** `origin`: being dragged away; `preview`: where it would land; `saving`: moved, the API has not answered yet. */
  state: 'idle' | 'origin' | 'preview' | 'saving';
  /** Full span with zone(s), e.g. `07:00–15:00 CET`. */
  text: string;
  /** What fits in the bar: `07–15` over `CET · Early`. */
  compact: string;
  detail: string;
  title: string;
}

interface BoardRow {
  agent: AgentSummary;
  zone: string;
  days: Bar[][];
  hours: number;
  mine: boolean;
}

/** What is being dragged, and where it would land (`moved` null: not over a cell, or dropped where it was). */
interface DragPreview {
  shiftId: string;
  moved: ScheduledShift | null;
  request: Required<Pick<UpdateShiftRequest, 'agentId' | 'start' | 'end' | 'timeZone' | 'breaks'>> | null;
  target: { agentId: string; date: string } | null;
}

/** A pointer press on a bar; it becomes a drag once it has moved this far (px), else it is a click. */
const DRAG_THRESHOLD_PX = 5;

/** Auto-scroll zones while dragging, in px from the window's top (under the sticky header) and bottom. */
const AUTO_SCROLL_TOP_PX = 96;
const AUTO_SCROLL_EDGE_PX = 48;

/** Alt+arrow on a focused bar: [rows down, days later]. */
const KEY_STEPS: Readonly<Record<string, readonly [number, number]>> = { ArrowLeft: [0, -1], ArrowRight: [0, 1], ArrowUp: [-1, 0], ArrowDown: [1, 0] };

interface PointerGrab {
  pointerId: number;
  x: number;
  y: number;
  row: BoardRow;
  bar: Bar;
  /** The local day of the cell the bar was grabbed in (a night shift has a bar on two days). */
  date: string;
  dragging: boolean;
}

export const ZONE_MODE_LABELS: Readonly<Record<ZoneMode, string>> = { team: 'Team zone', mine: 'My zone', utc: 'UTC', agent: "Each agent's own zone" };

/**
 * The roster board: agents × the seven days of a week, each shift a bar placed by its local
 * wall-clock time in the chosen zone. Managers click an empty cell to add a shift and a bar to
 * edit it; agents read the same board.
 */
@Component({
  selector: 'sd-roster-board',
  imports: [RouterLink, ShiftDialogComponent, OverrideDialogComponent, ConfirmDialogComponent, SpinnerComponent, EmptyStateComponent, GenerateRosterComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roster-board.component.html',
  styleUrl: './roster-board.component.css',
})
export class RosterBoardComponent implements OnInit {
  protected readonly context = inject(TeamContextStore);
  protected readonly schedule = inject(ScheduleStore);
  private readonly scheduleApi = inject(ScheduleApi);
  private readonly clock = inject(NowService);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  protected readonly zoneModes: ZoneMode[] = ['team', 'mine', 'utc', 'agent'];
  protected readonly zoneModeLabels = ZONE_MODE_LABELS;
  protected readonly zoneMode = signal<ZoneMode>(this.context.isManager() ? 'team' : 'mine');
  protected readonly weekStart = signal<string | null>(null);
  protected readonly draft = signal<ShiftDraft | null>(null);
  /** A rotation shift someone else is to cover (the override dialog). */
  protected readonly overrideTarget = signal<OverrideTarget | null>(null);
  /** A cover (override piece) the manager asked to remove, waiting for the confirmation. */
  protected readonly removingCover = signal<{ shift: ScheduledShift; title: string } | null>(null);
  protected readonly removingBusy = signal(false);
  protected readonly notice = signal('');
  /** Why the last move was refused (the API's 4xx in the board's words); the bar went back. */
  protected readonly moveError = signal('');
  protected readonly downloading = signal(false);
  protected readonly downloadError = signal('');
  protected readonly dragPreview = signal<DragPreview | null>(null);
  private grab: PointerGrab | null = null;
  /** The pointer's last viewport position while dragging. */
  private pointer = { x: 0, y: 0 };
  private scrollFrame = 0;
  /** The click that ends a drag must neither open the dialog nor add a shift. */
  private suppressClick = false;
  protected readonly readOnly = computed(() => !this.context.isManager());

  /** The zone of the header and day boundaries (in agent mode: the team's, rows use their own). */
  protected readonly zone = computed(() => this.context.zoneFor(this.zoneMode()));
  protected readonly today = computed(() => todayIn(this.zone(), this.clock.now().getTime()));
  protected readonly days = computed(() => {
    const start = this.weekStart();
    if (!start) return [];
    const zone = this.zone();
    return weekDates(start).map((date) => {
      const dayStart = startOfDay(date, zone);
      const hours = (startOfDay(addDays(date, 1), zone) - dayStart) / 3_600_000;
      return { date, label: formatDayLabel(date), today: date === this.today(), hours, abbreviation: zoneAbbreviation(dayStart + 12 * 3_600_000, zone) };
    });
  });
  /** Where now is across today's column (% of the day, on the wall clock like the bars); null when today is not shown or rows are in their own zones. */
  protected readonly nowAt = computed(() => {
    if (this.zoneMode() === 'agent' || !this.days().some((day) => day.today)) return null;
    return (wallMinutes(this.clock.now().getTime(), this.zone()) / 1440) * 100;
  });
  protected readonly weekLabel = computed(() => {
    const days = this.days();
    return days.length ? `${days[0]?.label} – ${days[6]?.label}` : '';
  });
  protected readonly zoneCaption = computed(() => {
    if (this.zoneMode() === 'agent') return "Each row in its agent's own zone";
    const zone = this.zone();
    const abbreviations = [...new Set(this.days().map((d) => d.abbreviation))].join(' / ');
    return `Times in ${zone} (${abbreviations})`;
  });

  protected readonly rows = computed<BoardRow[]>(() => {
    const weekStart = this.weekStart();
    if (!weekStart) return [];
    const mode = this.zoneMode();
    const headerZone = this.zone();
    const byAgent = this.schedule.byAgent();
    const saving = this.schedule.saving();
    const drag = this.dragPreview();
    const me = this.context.myAgentId();
    return this.context.activeAgents().map((agent) => {
      const zone = mode === 'agent' ? agent.timeZone : headerZone;
      const shifts = byAgent.get(agent.id) ?? [];
      const byKey = new Map(shifts.map((shift) => [shift.id, shift]));
      const laidOut = [...shifts];
      if (drag?.moved && drag.moved.agentId === agent.id) {
        const key = `${drag.shiftId}~preview`;
        byKey.set(key, drag.moved);
        laidOut.push({ ...drag.moved, id: key });
      }
      const days = layoutRow(laidOut, weekStart, zone).map((segments) =>
        segments.map((segment): Bar => {
          const shift = byKey.get(segment.shiftId) as ScheduledShift;
          const preview = segment.shiftId !== shift.id;
          const state = preview ? 'preview' : drag?.shiftId === shift.id ? 'origin' : saving.has(shift.id) ? 'saving' : 'idle';
          const span = formatSpan(Date.parse(shift.start), Date.parse(shift.end), zone);
          const extras = [shift.label, shift.channel ? CHANNEL_LABELS[shift.channel] : null, shift.status === 'draft' ? 'draft' : null, shift.locked ? 'locked' : null, shift.source !== 'manual' ? `from ${shift.source}` : null].filter(Boolean);
          const start = Date.parse(shift.start);
          const compact = formatCompactSpan(start, Date.parse(shift.end), zone);
          const detail = [shift.locked ? '🔒' : null, zoneAbbreviation(start, zone), shift.label].filter(Boolean).join(' · ');
          const title = `${agent.displayName} · ${span} · ${shiftHours(shift)} h${extras.length ? ' · ' + extras.join(' · ') : ''}`;
          return { ...segment, key: segment.shiftId, state, shift, text: span, compact, detail, title };
        }),
      );
      const hours = shifts.reduce((sum, shift) => sum + weekShare(shift, weekStart, zone), 0);
      return { agent, zone, days, hours: Math.round(hours * 10) / 10, mine: agent.id === me };
    });
  });
  /** What a drop would do, said as the pointer moves (also for screen readers). */
  protected readonly dragHint = computed(() => {
    const drag = this.dragPreview();
    if (!drag) return '';
    if (!drag.moved || !drag.target) return 'Drop on a day of an agent to move the shift there; Escape cancels.';
    const agent = this.context.agentsById().get(drag.moved.agentId)?.displayName ?? 'this agent';
    const zone = this.zoneOf(drag.moved.agentId);
    // The day the shift starts on (a night shift grabbed by its morning part starts the day before the cell).
    const start = Date.parse(drag.moved.start);
    return `Drop to move it to ${agent}, ${formatDayLabel(instantToLocalDate(start, zone))} ${formatSpan(start, Date.parse(drag.moved.end), zone)}.`;
  });
  /**
   * The week's coverage in the header's zone (drafts count, as on the Coverage page), for the cover
   * row under the agents. Fetched after every load of the schedule, so a move, an edit or an
   * applied draft shows its effect on the target at once; `key` drops an answer for another week.
   */
  private readonly coverage = signal<{ key: string; response: CoverageResponse } | null>(null);
  protected readonly coverError = signal('');
  private coverGeneration = 0;
  private readonly coverKey = computed(() => `${this.context.teamId()}|${this.weekStart()}|${this.zone()}`);
  protected readonly coverStrip = computed(() => {
    const coverage = this.coverage();
    if (!coverage || coverage.key !== this.coverKey()) return null;
    const dates = this.days().map((day) => day.date);
    return buildCoverStrip(buildHeatmap({ buckets: coverage.response.buckets, dates, gaps: [] }), dates);
  });
  protected readonly coverSummary = computed(() => {
    const strip = this.coverStrip();
    return strip ? describeCoverStrip(strip) : '';
  });
  protected readonly shiftCount = computed(() => this.rows().reduce((n, row) => n + row.days.reduce((m, d) => m + d.filter((bar) => !bar.continuesBefore && bar.state !== 'preview').length, 0), 0));

  constructor() {
    effect(() => {
      const teamId = this.context.teamId();
      const weekStart = this.weekStart();
      if (!teamId || !weekStart) return;
      const window = weekFetchWindow(weekStart);
      this.schedule.load(teamId, window.from, window.to);
    });
    // The first week shown is the current one in the team's zone, once the team is known.
    effect(() => {
      if (this.weekStart() || !this.context.team()) return;
      this.weekStart.set(startOfIsoWeek(todayIn(this.context.teamZone(), this.clock.now().getTime())));
    });
    effect(() => {
      const teamId = this.context.teamId();
      const weekStart = this.weekStart();
      const zone = this.zone();
      // Managers only: coverage counts drafts, which agents do not see on their board.
      if (this.readOnly() || !teamId || !weekStart || this.schedule.loading() || !this.schedule.loaded()) return;
      untracked(() => void this.loadCover(teamId, weekStart, zone));
    });
    inject(DestroyRef).onDestroy(() => this.endDrag());
  }

  private async loadCover(teamId: string, weekStart: string, zone: string): Promise<void> {
    const generation = ++this.coverGeneration;
    const key = `${teamId}|${weekStart}|${zone}`;
    const span = weekSpan(weekStart, zone);
    try {
      const response = await firstValueFrom(this.scheduleApi.coverage(teamId, { from: span.from, to: span.to, tz: zone, granularity: 15 }));
      if (generation !== this.coverGeneration) return;
      this.coverage.set({ key, response });
      this.coverError.set('');
    } catch (failure) {
      if (generation === this.coverGeneration) this.coverError.set(`Coverage could not be loaded: ${toApiError(failure).message}`);
    }
  }

  ngOnInit(): void {
    void this.context.load();
  }

  protected moveWeek(weeks: number): void {
    const start = this.weekStart();
    if (start) this.weekStart.set(addDays(start, 7 * weeks));
  }

  /** The shown week (team's calendar days) as CSV: names, and each time on three clocks. */
  protected async downloadCsv(): Promise<void> {
    const teamId = this.context.teamId();
    const weekStart = this.weekStart();
    if (!teamId || !weekStart || this.downloading()) return;
    const zone = this.context.teamZone();
    const window = { from: new Date(startOfDay(weekStart, zone)).toISOString(), to: new Date(startOfDay(addDays(weekStart, 7), zone)).toISOString() };
    this.downloading.set(true);
    this.downloadError.set('');
    try {
      saveText(await firstValueFrom(this.scheduleApi.scheduleCsv(teamId, window)), `roster-${weekStart}-${addDays(weekStart, 6)}.csv`);
    } catch (failure) {
      this.downloadError.set(`The CSV could not be made: ${toApiError(failure).message}`);
    } finally {
      this.downloading.set(false);
    }
  }

  protected goToToday(): void {
    this.weekStart.set(startOfIsoWeek(todayIn(this.zone(), this.clock.now().getTime())));
  }

  protected selectTeam(teamId: string): void {
    void this.context.selectTeam(teamId);
  }

  protected setZoneMode(mode: string): void {
    this.zoneMode.set(mode as ZoneMode);
  }

  protected addShift(row: BoardRow, date: string): void {
    if (this.readOnly() || this.consumeSuppressedClick()) return;
    this.notice.set('');
    this.draft.set(newDraft({ agentId: row.agent.id, date, zone: row.zone }));
  }

  protected openBar(row: BoardRow, bar: Bar, event: Event): void {
    event.stopPropagation();
    if (this.readOnly() || this.consumeSuppressedClick() || bar.state === 'preview') return;
    // A rotation makes its shift again every time: covering one is an override, not an edit.
    if (bar.shift.source === 'rotation' && bar.shift.rotationId) {
      this.notice.set('');
      this.overrideTarget.set({ shift: bar.shift, zone: row.zone });
      return;
    }
    if (bar.shift.source === 'override') {
      this.notice.set('');
      this.removingCover.set({ shift: bar.shift, title: `${row.agent.displayName}, ${bar.title}` });
      return;
    }
    const refusal = explainUndraggable(bar.shift.source);
    if (refusal) {
      this.notice.set(`${bar.title}: ${refusal.replace(', so it cannot be dragged', '')}`);
      return;
    }
    this.notice.set('');
    this.draft.set(shiftToDraft(bar.shift, row.zone));
  }

  // ---- dragging a bar to another day and/or agent (pointer events; Alt+arrows on a focused bar) ----

  protected onBarPointerDown(row: BoardRow, bar: Bar, date: string, event: PointerEvent): void {
    // A bar whose last move is still being saved waits for the answer.
    if (this.readOnly() || event.button !== 0 || bar.state === 'preview' || bar.state === 'saving' || this.grab) return;
    this.suppressClick = false;
    this.grab = { pointerId: event.pointerId, x: event.clientX, y: event.clientY, row, bar, date, dragging: false };
    window.addEventListener('pointermove', this.onPointerMove);
    window.addEventListener('pointerup', this.onPointerUp);
    window.addEventListener('pointercancel', this.onPointerCancel);
    window.addEventListener('keydown', this.onDragKey);
  }

  private readonly onPointerMove = (event: PointerEvent): void => {
    const grab = this.grab;
    if (!grab || event.pointerId !== grab.pointerId) return;
    if (!grab.dragging) {
      if (Math.hypot(event.clientX - grab.x, event.clientY - grab.y) < DRAG_THRESHOLD_PX) return;
      const refusal = explainUndraggable(grab.bar.shift.source);
      if (refusal) {
        this.notice.set(refusal);
        this.suppressClick = true;
        this.endDrag();
        return;
      }
      grab.dragging = true;
      this.moveError.set('');
      this.notice.set('');
    }
    event.preventDefault();
    this.pointer = { x: event.clientX, y: event.clientY };
    this.track(grab);
    if (!this.scrollFrame) this.scrollFrame = requestAnimationFrame(this.autoScroll);
  };

  /** The cell under the pointer becomes the drop target (the preview bar lets the pointer through). */
  private track(grab: PointerGrab): void {
    const cell = document.elementFromPoint(this.pointer.x, this.pointer.y)?.closest<HTMLElement>('td[data-agent-id][data-date]');
    const target = cell ? { agentId: cell.dataset['agentId'] ?? '', date: cell.dataset['date'] ?? '' } : null;
    const current = this.dragPreview();
    if (current && current.target?.agentId === target?.agentId && current.target?.date === target?.date) return;
    this.dragPreview.set(this.previewMove(grab.bar.shift, grab.date, grab.row.zone, target));
  }

  /**
   * A long board is taller than the window: near its top or bottom edge the page scrolls while
   * dragging (faster the closer the pointer), and the target follows. The top edge is deeper
   * because the sticky header covers it.
   */
  private readonly autoScroll = (): void => {
    this.scrollFrame = 0;
    const grab = this.grab;
    if (!grab?.dragging) return;
    const { y } = this.pointer;
    const step = y < AUTO_SCROLL_TOP_PX ? -(AUTO_SCROLL_TOP_PX - y) : y > window.innerHeight - AUTO_SCROLL_EDGE_PX ? y - (window.innerHeight - AUTO_SCROLL_EDGE_PX) : 0;
    if (step === 0) return;
    const before = window.scrollY;
    window.scrollBy(0, Math.round(step / 3));
    if (window.scrollY === before) return;
    this.track(grab);
    this.scrollFrame = requestAnimationFrame(this.autoScroll);
  };

  private readonly onPointerUp = (event: PointerEvent): void => {
    const grab = this.grab;
    if (!grab || event.pointerId !== grab.pointerId) return;
    const preview = this.dragPreview();
    if (grab.dragging) {
      this.suppressClick = true;
      // The click (if any) follows this event in the same task; later clicks count again.
      setTimeout(() => (this.suppressClick = false));
    }
    this.endDrag();
    if (grab.dragging && preview?.moved && preview.request) void this.saveMove(grab.bar.shift, preview.moved, preview.request);
  };

  private readonly onPointerCancel = (): void => this.endDrag();

  private readonly onDragKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.grab) return;
    event.preventDefault();
    if (this.grab.dragging) this.suppressClick = true;
    this.endDrag();
  };

  private endDrag(): void {
    this.grab = null;
    if (this.scrollFrame) cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    this.dragPreview.set(null);
    window.removeEventListener('pointermove', this.onPointerMove);
    window.removeEventListener('pointerup', this.onPointerUp);
    window.removeEventListener('pointercancel', this.onPointerCancel);
    window.removeEventListener('keydown', this.onDragKey);
  }

  private consumeSuppressedClick(): boolean {
    const suppressed = this.suppressClick;
    this.suppressClick = false;
    return suppressed;
  }

  /** The board zone of `agentId`'s row. */
  private zoneOf(agentId: string): string {
    return this.zoneMode() === 'agent' ? (this.context.agentsById().get(agentId)?.timeZone ?? this.zone()) : this.zone();
  }

  private previewMove(shift: ScheduledShift, fromDate: string, fromZone: string, target: { agentId: string; date: string } | null): DragPreview {
    const none: DragPreview = { shiftId: shift.id, moved: null, request: null, target };
    if (!target?.agentId || !target.date) return none;
    const result = moveShift({ shift, fromDate, fromZone, toDate: target.date, toAgentId: target.agentId, toZone: this.zoneOf(target.agentId) });
    if (!result.ok || result.unchanged) return none;
    return { ...none, moved: { ...shift, ...result.request }, request: result.request };
  }

  /**
   * Alt+←/→ moves the focused bar a day, Alt+↑/↓ to the agent above or below: the keyboard's
   * drag. (Enter opens the dialog, where date and agent can be typed too.)
   */
  protected onBarKeydown(row: BoardRow, bar: Bar, date: string, event: KeyboardEvent): void {
    const step = KEY_STEPS[event.key];
    if (!step || !event.altKey || this.readOnly() || bar.state === 'preview' || bar.state === 'saving') return;
    event.preventDefault();
    const refusal = explainUndraggable(bar.shift.source);
    if (refusal) {
      this.notice.set(refusal);
      return;
    }
    const rows = this.rows();
    const [rowStep, dayStep] = step;
    const targetRow = rows[rows.findIndex((r) => r.agent.id === row.agent.id) + rowStep];
    if (!targetRow) return;
    const preview = this.previewMove(bar.shift, date, row.zone, { agentId: targetRow.agent.id, date: addDays(date, dayStep) });
    if (preview.moved && preview.request) void this.saveMove(bar.shift, preview.moved, preview.request, true);
  }

  private async saveMove(shift: ScheduledShift, moved: ScheduledShift, request: NonNullable<DragPreview['request']>, refocus = false): Promise<void> {
    const teamId = this.context.teamId();
    if (!teamId) return;
    const zone = this.zoneOf(moved.agentId);
    const agent = this.context.agentsById().get(moved.agentId)?.displayName ?? 'the agent';
    const where = `${agent}, ${formatDayLabel(instantToLocalDate(Date.parse(moved.start), zone))} ${formatSpan(Date.parse(moved.start), Date.parse(moved.end), zone)}`;
    this.moveError.set('');
    this.notice.set('');
    try {
      await this.schedule.moveShift(teamId, shift.id, request, moved);
      this.notice.set(`Shift moved to ${where}.`);
    } catch (failure) {
      const error = failure as ApiError;
      const reason = error.statusCode === 409 ? describeOverlap(error.message, zone) : error.fields?.length ? error.fields.map((f) => f.message).join(' ') : error.message;
      this.moveError.set(`Not moved to ${where}: ${reason.replace(/\.?$/, '.')}`);
    }
    if (refocus) afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`[data-shift-id="${CSS.escape(shift.id)}"]`)?.focus(), { injector: this.injector });
  }

  /** A generated roster was applied (or asked for): show the week its period starts in. */
  protected showGeneratedWeek(date: string): void {
    this.weekStart.set(startOfIsoWeek(date));
  }

  protected async removeCover(): Promise<void> {
    const target = this.removingCover();
    const teamId = this.context.teamId();
    if (!target || !teamId || this.removingBusy()) return;
    this.removingBusy.set(true);
    try {
      const removed = await this.schedule.removeOverrideOf(teamId, target.shift);
      this.notice.set(removed ? `Cover removed: the rotation's own agent is back on ${target.title}.` : 'That cover was already removed.');
    } catch (failure) {
      this.moveError.set(`The cover could not be removed: ${toApiError(failure).message}`);
    } finally {
      this.removingBusy.set(false);
      this.removingCover.set(null);
    }
  }

  protected onOverrideClosed(outcome: OverrideDialogOutcome): void {
    this.overrideTarget.set(null);
    if (outcome.saved) this.notice.set(outcome.message);
  }

  protected onDialogClosed(outcome: ShiftDialogOutcome): void {
    this.draft.set(null);
    if (outcome === 'saved') this.notice.set('Shift saved.');
    if (outcome === 'deleted') this.notice.set('Shift deleted.');
  }
}

/** Hours of `shift` inside the week (local days in `zone`). */
function weekShare(shift: ScheduledShift, weekStart: string, zone: string): number {
  const from = startOfDay(weekStart, zone);
  const to = startOfDay(addDays(weekStart, 7), zone);
  const start = Math.max(from, Date.parse(shift.start));
  const end = Math.min(to, Date.parse(shift.end));
  return end > start ? (end - start) / 3_600_000 : 0;
}
