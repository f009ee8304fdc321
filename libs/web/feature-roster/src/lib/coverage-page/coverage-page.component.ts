import { ChangeDetectionStrategy, Component, computed, effect, inject, input, type OnInit, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { COVERAGE_PRESET_NAMES, type CoveragePresetName, type CoverageRule, type Gap, type GapCandidate, type GapSeverity } from '@shiftdesk/shared-api-contract';
import { addDays, CoverageStore, formatClock, OpenAlertsStore, formatDayLabel, formatSpan, startOfIsoWeek, todayIn, weekDates, weekSpan } from '@shiftdesk/web-data-access-schedule';
import { BadgeComponent, type BadgeTone, EmptyStateComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { isValidTimeZone } from '@shiftdesk/web-util';
import { newDraft, type ShiftDraft } from '../board/shift-draft';
import { ShiftDialogComponent, type ShiftDialogOutcome } from '../board/shift-dialog.component';
import { instantToLocalDate } from '../board/draft-time';
import { TeamContextStore } from '../shared/team-context.store';
import { buildHeatmap, CELL_STATE_LABELS, type HeatCell } from './heatmap';

const PRESET_LABELS: Record<CoveragePresetName, string> = { '12h': '12 h', '14h': '14 h', '16h': '16 h', '18h': '18 h', '24/7': '24/7' };
const SEVERITY_TONES: Record<GapSeverity, BadgeTone> = { uncovered: 'warning', understaffed: 'warning', language: 'info', channel: 'info', 'single-point': 'muted' };
const WEEKDAY_NAMES = ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/**
 * Coverage of one team for one week: its coverage rules (added from presets), the hour × day
 * heatmap against them with gaps outlined, the gap list with who could fill each gap, the
 * staffing a target implies, and labour-rule violations.
 */
@Component({
  selector: 'sd-coverage-page',
  imports: [FormsModule, NgTemplateOutlet, RouterLink, BadgeComponent, EmptyStateComponent, SpinnerComponent, ShiftDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './coverage-page.component.html',
  styleUrl: './coverage-page.component.css',
})
export class CoveragePageComponent implements OnInit {
  protected readonly context = inject(TeamContextStore);
  protected readonly store = inject(CoverageStore);
  private readonly clock = inject(NowService);
  private readonly openAlerts = inject(OpenAlertsStore);

  /** Query parameters (bound by the router): a link from an alert opens its team and week. */
  readonly team = input<string | undefined>();
  readonly week = input<string | undefined>();
  /** A gap (alert) id to select once its week has loaded, so its candidates show at once. */
  readonly gap = input<string | undefined>();
  private linkedGapHandled = false;

  /** The API's presets (with their windows) once loaded; the contract's names until then. */
  protected readonly presetOptions = computed(() =>
    this.store.presets().length ? this.store.presets().map((p) => ({ name: p.name, label: p.label })) : COVERAGE_PRESET_NAMES.map((name) => ({ name, label: PRESET_LABELS[name] })),
  );
  protected readonly stateLabels = CELL_STATE_LABELS;
  protected readonly weekStart = signal<string | null>(null);
  /** '' = the team's zone. */
  protected readonly zoneChoice = signal('');
  protected readonly ruleFilter = signal('');

  protected readonly preset = signal<CoveragePresetName>('16h');
  protected readonly presetZone = signal('');
  protected readonly presetMinAgents = signal(1);
  protected readonly addError = signal('');
  protected readonly adding = signal(false);
  protected readonly notice = signal('');
  protected readonly draft = signal<ShiftDraft | null>(null);

  protected readonly zone = computed(() => this.zoneChoice() || this.context.teamZone());
  protected readonly zoneOptions = computed(() => {
    const options = new Map<string, string>();
    options.set('', `Team zone · ${this.context.teamZone()}`);
    for (const rule of this.store.rules()) if (rule.timeZone !== this.context.teamZone()) options.set(rule.timeZone, `Rule zone · ${rule.timeZone}`);
    options.set(this.context.myZone(), `My zone · ${this.context.myZone()}`);
    options.set('UTC', 'UTC');
    return [...options].map(([value, label]) => ({ value, label }));
  });
  protected readonly dates = computed(() => (this.weekStart() ? weekDates(this.weekStart() as string) : []));
  protected readonly dayLabels = computed(() => this.dates().map((date) => ({ date, label: formatDayLabel(date) })));
  protected readonly weekLabel = computed(() => {
    const d = this.dayLabels();
    return d.length ? `${d[0]?.label} – ${d[6]?.label}` : '';
  });
  protected readonly heatmap = computed(() =>
    buildHeatmap({ buckets: this.store.coverage()?.buckets ?? [], dates: this.dates(), gaps: this.store.gaps(), ruleId: this.ruleFilter() || undefined }),
  );
  private readonly gapsOfRule = computed(() => this.store.gaps().filter((gap) => !this.ruleFilter() || gap.ruleId === this.ruleFilter()));
  /** Shortfalls (errors) are the list; single-agent stretches (warnings) are listed apart. */
  protected readonly gapsShown = computed(() => this.gapsOfRule().filter((gap) => gap.level === 'error'));
  protected readonly warningsShown = computed(() => this.gapsOfRule().filter((gap) => gap.level !== 'error'));
  protected readonly staffingByRule = computed(() => new Map((this.store.staffing()?.rules ?? []).map((r) => [r.ruleId, r])));
  protected readonly summaryByRule = computed(() => new Map((this.store.coverage()?.rules ?? []).map((r) => [r.ruleId, r])));

  constructor() {
    effect(() => {
      if (this.weekStart() || !this.context.team()) return;
      const week = this.week();
      const linked = week && /^\d{4}-\d{2}-\d{2}$/.test(week) && !Number.isNaN(Date.parse(week)) ? week : null;
      this.weekStart.set(startOfIsoWeek(linked ?? todayIn(this.context.teamZone(), this.clock.now().getTime())));
    });
    effect(() => {
      const teamId = this.context.teamId();
      const weekStart = this.weekStart();
      const tz = this.zone();
      if (!teamId || !weekStart || !this.context.team()) return;
      const span = weekSpan(weekStart, tz);
      void this.store.load({ teamId, from: span.from, to: span.to, weekStart, tz, granularity: 15 });
    });
    effect(() => {
      const wanted = this.gap();
      if (!wanted || this.linkedGapHandled || this.store.loading()) return;
      const gap = this.store.gaps().find((g) => g.id === wanted);
      const teamId = this.context.teamId();
      if (!gap || !teamId) return;
      this.linkedGapHandled = true;
      untracked(() => void this.store.selectGap(teamId, gap));
    });
  }

  ngOnInit(): void {
    void this.context.load(this.team());
    void this.store.loadPresets();
  }

  protected moveWeek(weeks: number): void {
    const start = this.weekStart();
    if (start) this.weekStart.set(addDays(start, 7 * weeks));
  }

  protected goToToday(): void {
    this.weekStart.set(startOfIsoWeek(todayIn(this.zone(), this.clock.now().getTime())));
  }

  protected selectTeam(teamId: string): void {
    this.store.clearGap();
    void this.context.selectTeam(teamId);
  }

  protected async addPreset(): Promise<void> {
    const teamId = this.context.teamId();
    if (!teamId) return;
    const timeZone = this.presetZone().trim() || this.context.teamZone();
    if (!isValidTimeZone(timeZone)) {
      this.addError.set(`Unknown time zone "${timeZone}". Use an IANA name such as Europe/Berlin.`);
      return;
    }
    const minAgents = Number(this.presetMinAgents());
    if (!Number.isInteger(minAgents) || minAgents < 1) {
      this.addError.set('Minimum agents must be a whole number, at least 1.');
      return;
    }
    this.adding.set(true);
    this.addError.set('');
    try {
      const rule = await this.store.addRule(teamId, { preset: this.preset(), timeZone, minAgents });
      this.notice.set(`Coverage target "${rule.name}" added.`);
      this.refreshAlertCount(teamId);
    } catch (failure) {
      const error = failure as { message: string; fields?: { message: string }[] };
      this.addError.set([error.message, ...(error.fields ?? []).map((f) => f.message)].filter((m, i, all) => all.indexOf(m) === i).join(' '));
    } finally {
      this.adding.set(false);
    }
  }

  protected async deleteRule(rule: CoverageRule): Promise<void> {
    const teamId = this.context.teamId();
    if (!teamId) return;
    try {
      await this.store.deleteRule(teamId, rule.id);
      this.notice.set(`Coverage target "${rule.name}" deleted.`);
      this.refreshAlertCount(teamId);
    } catch (failure) {
      this.notice.set((failure as { message: string }).message);
    }
  }

  /** The API rescans before it answers a write, so the nav badge can follow at once. */
  private refreshAlertCount(teamId: string): void {
    void this.openAlerts.refreshTeam(teamId, this.clock.now().getTime());
  }

  protected toneOf(gap: Gap): BadgeTone {
    return SEVERITY_TONES[gap.severity];
  }

  protected selectGap(gap: Gap): void {
    const teamId = this.context.teamId();
    if (teamId) void this.store.selectGap(teamId, gap);
  }

  /** Opens the shift dialog with the candidate's proposed shift, in the display zone. */
  protected schedule(candidate: GapCandidate): void {
    const zone = this.zone();
    const start = Date.parse(candidate.proposedShift.start);
    const end = Date.parse(candidate.proposedShift.end);
    this.draft.set(newDraft({ agentId: candidate.agentId, date: instantToLocalDate(start, zone), zone, startTime: formatClock(start, zone), endTime: formatClock(end, zone) }));
  }

  protected onDialogClosed(outcome: ShiftDialogOutcome): void {
    this.draft.set(null);
    if (outcome === 'saved') {
      this.notice.set('Shift added; coverage recalculated.');
      void this.store.reload();
      const teamId = this.context.teamId();
      if (teamId) this.refreshAlertCount(teamId);
    }
  }

  protected describeRule(rule: CoverageRule): string {
    if (rule.kind === 'always') return `24/7 · ${rule.timeZone}`;
    const parts: string[] = [];
    for (let day = 1; day <= 7; day++) {
      const windows = rule.windows[day as 1 | 2 | 3 | 4 | 5 | 6 | 7];
      if (windows?.length) parts.push(`${WEEKDAY_NAMES[day]} ${windows.map((w) => `${w.start}–${w.end}`).join(', ')}`);
    }
    return `${compressDays(parts)} · ${rule.timeZone}`;
  }

  protected gapSpan(gap: Gap): string {
    const tz = this.store.coverage()?.tz ?? this.zone();
    const start = Date.parse(gap.start);
    const end = Date.parse(gap.end);
    const startDay = formatDayLabel(gap.localStart.slice(0, 10) || instantToLocalDate(start, tz));
    const endDate = gap.localEnd.slice(0, 10);
    const crosses = endDate && endDate !== gap.localStart.slice(0, 10) && gap.localEnd.slice(11) !== '00:00';
    return `${startDay} ${formatSpan(start, end, tz)}${crosses ? ` (ends ${formatDayLabel(endDate)})` : ''}`;
  }

  protected candidateSpan(candidate: GapCandidate): string {
    return formatSpan(Date.parse(candidate.proposedShift.start), Date.parse(candidate.proposedShift.end), this.zone());
  }

  protected cellTitle(cell: HeatCell): string {
    const day = formatDayLabel(cell.date);
    const hour = `${String(cell.hour).padStart(2, '0')}:00`;
    if (cell.state === 'none') return `${day} ${hour}: no such hour`;
    if (cell.state === 'outside') return `${day} ${hour}: outside the coverage window`;
    return `${day} ${hour}: ${cell.present ?? 0} of ${cell.required} agents · ${this.stateLabels[cell.state]}${cell.inGap ? ' · gap' : ''}`;
  }

  protected isSelectedCell(cell: HeatCell): boolean {
    const gap = this.store.selectedGap();
    return !!gap && Date.parse(gap.start) < cell.end && Date.parse(gap.end) > cell.start;
  }

  protected hourLabel(hour: number): string {
    return `${String(hour).padStart(2, '0')}:00`;
  }

  protected round(value: number, digits = 1): number {
    const f = 10 ** digits;
    return Math.round(value * f) / f;
  }

  protected violationSpan(start: string, end: string): string {
    const zone = this.zone();
    return `${formatDayLabel(instantToLocalDate(Date.parse(start), zone))} ${formatSpan(Date.parse(start), Date.parse(end), zone)}`;
  }

  protected setNumber(value: string): void {
    this.presetMinAgents.set(Number(value));
  }
}

/** `Mon 08:00–22:00, Tue 08:00–22:00, …` → `Mon–Sun 08:00–22:00` when every open day matches. */
function compressDays(parts: string[]): string {
  if (!parts.length) return 'closed';
  const spans = parts.map((p) => p.slice(4));
  if (spans.every((s) => s === spans[0])) {
    const first = parts[0]?.slice(0, 3);
    const last = parts[parts.length - 1]?.slice(0, 3);
    return parts.length === 1 ? parts[0] ?? '' : `${first}–${last} ${spans[0]}`;
  }
  return parts.join(', ');
}

