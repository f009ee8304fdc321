import { ChangeDetectionStrategy, Component, computed, effect, inject, type OnInit, signal } from '@angular/core';
import type { AgentSummary, ScheduledShift } from '@shiftdesk/shared-api-contract';
import { addDays, formatCompactSpan, formatDayLabel, formatSpan, zoneAbbreviation, ScheduleStore, startOfDay, startOfIsoWeek, todayIn, weekDates, weekFetchWindow } from '@shiftdesk/web-data-access-schedule';
import { EmptyStateComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS } from '@shiftdesk/web-util';
import { TeamContextStore, type ZoneMode } from '../shared/team-context.store';
import { layoutRow, shiftHours, type BarSegment } from './roster-layout';
import { newDraft, shiftToDraft, type ShiftDraft } from './shift-draft';
import { ShiftDialogComponent, type ShiftDialogOutcome } from './shift-dialog.component';

interface Bar extends BarSegment {
  shift: ScheduledShift;
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

export const ZONE_MODE_LABELS: Readonly<Record<ZoneMode, string>> = { team: 'Team zone', mine: 'My zone', utc: 'UTC', agent: "Each agent's own zone" };

/**
 * The roster board: agents × the seven days of a week, each shift a bar placed by its local
 * wall-clock time in the chosen zone. Managers click an empty cell to add a shift and a bar to
 * edit it; agents read the same board.
 */
@Component({
  selector: 'sd-roster-board',
  imports: [ShiftDialogComponent, SpinnerComponent, EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './roster-board.component.html',
  styleUrl: './roster-board.component.css',
})
export class RosterBoardComponent implements OnInit {
  protected readonly context = inject(TeamContextStore);
  protected readonly schedule = inject(ScheduleStore);
  private readonly clock = inject(NowService);

  protected readonly zoneModes: ZoneMode[] = ['team', 'mine', 'utc', 'agent'];
  protected readonly zoneModeLabels = ZONE_MODE_LABELS;
  protected readonly zoneMode = signal<ZoneMode>(this.context.isManager() ? 'team' : 'mine');
  protected readonly weekStart = signal<string | null>(null);
  protected readonly draft = signal<ShiftDraft | null>(null);
  protected readonly notice = signal('');
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
    const me = this.context.myAgentId();
    return this.context.activeAgents().map((agent) => {
      const zone = mode === 'agent' ? agent.timeZone : headerZone;
      const shifts = byAgent.get(agent.id) ?? [];
      const byId = new Map(shifts.map((shift) => [shift.id, shift]));
      const days = layoutRow(shifts, weekStart, zone).map((segments) =>
        segments.map((segment) => {
          const shift = byId.get(segment.shiftId) as ScheduledShift;
          const span = formatSpan(Date.parse(shift.start), Date.parse(shift.end), zone);
          const extras = [shift.label, shift.channel ? CHANNEL_LABELS[shift.channel] : null, shift.status === 'draft' ? 'draft' : null, shift.source !== 'manual' ? `from ${shift.source}` : null].filter(Boolean);
          const start = Date.parse(shift.start);
          const compact = formatCompactSpan(start, Date.parse(shift.end), zone);
          const detail = [zoneAbbreviation(start, zone), shift.label].filter(Boolean).join(' · ');
          return { ...segment, shift, text: span, compact, detail, title: `${agent.displayName} · ${span} · ${shiftHours(shift)} h${extras.length ? ' · ' + extras.join(' · ') : ''}` };
        }),
      );
      const hours = shifts.reduce((sum, shift) => sum + weekShare(shift, weekStart, zone), 0);
      return { agent, zone, days, hours: Math.round(hours * 10) / 10, mine: agent.id === me };
    });
  });
  protected readonly shiftCount = computed(() => this.rows().reduce((n, row) => n + row.days.reduce((m, d) => m + d.filter((bar) => !bar.continuesBefore).length, 0), 0));

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
  }

  ngOnInit(): void {
    void this.context.load();
  }

  protected moveWeek(weeks: number): void {
    const start = this.weekStart();
    if (start) this.weekStart.set(addDays(start, 7 * weeks));
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
    if (this.readOnly()) return;
    this.notice.set('');
    this.draft.set(newDraft({ agentId: row.agent.id, date, zone: row.zone }));
  }

  protected openBar(row: BoardRow, bar: Bar, event: Event): void {
    event.stopPropagation();
    if (this.readOnly()) return;
    if (bar.shift.source !== 'manual') {
      this.notice.set(`${bar.title}: this shift comes from a ${bar.shift.source}; change it there.`);
      return;
    }
    this.notice.set('');
    this.draft.set(shiftToDraft(bar.shift, row.zone));
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
