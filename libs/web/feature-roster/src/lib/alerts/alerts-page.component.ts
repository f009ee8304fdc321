import { ChangeDetectionStrategy, Component, computed, effect, inject, input, linkedSignal, type OnInit, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { GapAlert, GapSeverity } from '@shiftdesk/shared-api-contract';
import {
  ALERT_SEVERITY_LABELS,
  ALERT_STATUS_LABELS,
  type AlertDisplayStatus,
  alertDisplayStatus,
  type AlertView,
  AlertsStore,
  countAlertViews,
  filterAlerts,
  formatAlertDuration,
  formatAlertSpan,
  formatClockWithZone,
  formatDayLabel,
  formatStaffing,
  groupAlertsByDay,
  startOfIsoWeek,
  todayIn,
} from '@shiftdesk/web-data-access-schedule';
import { BadgeComponent, type BadgeTone, EmptyStateComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { TeamContextStore } from '../shared/team-context.store';

const VIEWS: readonly { view: AlertView; label: string }[] = [
  { view: 'open', label: 'Open' },
  { view: 'acknowledged', label: 'Acknowledged' },
  { view: 'resolved', label: 'Resolved' },
  { view: 'passed', label: 'Passed unfilled' },
  { view: 'all', label: 'All' },
];
/** Rows rendered before "Show all": a resolved history can run to hundreds. */
const PAGE_ROWS = 40;
const STATUS_TONES: Record<AlertDisplayStatus, BadgeTone> = { open: 'warning', acknowledged: 'info', resolved: 'success', passed: 'muted' };
const SEVERITY_TONES: Record<GapSeverity, BadgeTone> = { uncovered: 'warning', understaffed: 'warning', language: 'info', channel: 'info', 'single-point': 'muted' };
const EMPTY_HINTS: Record<AlertView, { heading: string; hint: string }> = {
  open: { heading: 'No open alerts', hint: 'Every coverage target is met for the weeks the scan looks at. New gaps show up here within the hour, or at once after a change.' },
  acknowledged: { heading: 'Nothing acknowledged', hint: 'Acknowledge an open alert to accept the gap as deliberate: it stays listed here and stops counting as open.' },
  resolved: { heading: 'Nothing resolved yet', hint: 'An alert is resolved when a shift, rotation or override fills its gap.' },
  passed: { heading: 'No gaps went unfilled', hint: 'Open alerts whose hours have gone by are kept here as history.' },
  all: { heading: 'No alerts yet', hint: 'The scan has not found a gap against this team\u2019s coverage targets.' },
};

/**
 * The manager's gap alerts for one team: open → resolved when filled, or acknowledged as
 * deliberate. Spans are read on the team's wall clock; each alert links to its week on the
 * coverage heatmap. `?team=` and `?view=` select the team and the filter.
 */
@Component({
  selector: 'sd-alerts-page',
  imports: [RouterLink, BadgeComponent, EmptyStateComponent, SpinnerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './alerts-page.component.html',
  styleUrl: './alerts-page.component.css',
})
export class AlertsPageComponent implements OnInit {
  protected readonly context = inject(TeamContextStore);
  protected readonly store = inject(AlertsStore);
  private readonly clock = inject(NowService);

  /** Query parameters (bound by the router). */
  readonly team = input<string | undefined>();
  readonly view = input<string | undefined>();

  protected readonly views = VIEWS;
  protected readonly statusLabels = ALERT_STATUS_LABELS;
  protected readonly severityLabels = ALERT_SEVERITY_LABELS;
  /** `?view=`, open by default. */
  protected readonly selectedView = computed<AlertView>(() => VIEWS.find((v) => v.view === this.view())?.view ?? 'open');

  protected readonly zone = this.context.teamZone;
  private readonly now = computed(() => this.clock.now().getTime());
  protected readonly counts = computed(() => countAlertViews(this.store.alerts(), this.now()));
  /** How many rows are rendered; reset when the view or the team changes. */
  protected readonly limit = linkedSignal({ source: () => [this.selectedView(), this.context.teamId()], computation: () => PAGE_ROWS });
  private readonly shown = computed(() => filterAlerts(this.store.alerts(), this.selectedView(), this.now()));
  protected readonly hiddenCount = computed(() => Math.max(0, this.shown().length - this.limit()));
  protected readonly days = computed(() => groupAlertsByDay(this.shown().slice(0, this.limit()), this.zone()));
  protected readonly empty = computed(() => EMPTY_HINTS[this.selectedView()]);

  constructor() {
    effect(() => {
      const teamId = this.context.teamId();
      // The load reads the store's own signals: they must not become this effect's triggers.
      if (teamId) untracked(() => void this.store.load(teamId, this.now()));
    });
  }

  ngOnInit(): void {
    void this.context.load(this.team());
  }

  protected showAll(): void {
    this.limit.set(Number.POSITIVE_INFINITY);
  }

  protected selectTeam(teamId: string): void {
    void this.context.selectTeam(teamId);
  }

  protected reload(): void {
    const teamId = this.context.teamId();
    if (teamId) void this.store.load(teamId, this.now());
  }

  protected acknowledge(alert: GapAlert): void {
    void this.store.acknowledge(alert.teamId, alert.id, this.now());
  }

  protected statusOf(alert: GapAlert): AlertDisplayStatus {
    return alertDisplayStatus(alert, this.now());
  }

  protected statusTone(alert: GapAlert): BadgeTone {
    return STATUS_TONES[this.statusOf(alert)];
  }

  protected severityTone(alert: GapAlert): BadgeTone {
    return SEVERITY_TONES[alert.severity];
  }

  /** Happening right now: [start, end) contains the current instant. */
  protected isNow(alert: GapAlert): boolean {
    return Date.parse(alert.start) <= this.now() && this.now() < Date.parse(alert.end);
  }

  protected span(alert: GapAlert): string {
    return formatAlertSpan(alert, this.zone());
  }

  protected duration(alert: GapAlert): string {
    return formatAlertDuration(alert);
  }

  protected staffing(alert: GapAlert): string {
    return formatStaffing(alert);
  }

  /** `found Mon 23 Nov 12:04 MSK · resolved …`: when the scan saw it, on the team's clock. */
  protected history(alert: GapAlert): string {
    const zone = this.zone();
    const at = (iso: string) => {
      const instant = Date.parse(iso);
      return `${formatDayLabel(todayIn(zone, instant))} ${formatClockWithZone(instant, zone)}`;
    };
    const parts = [`Found ${at(alert.firstSeenAt)}`];
    if (alert.status === 'acknowledged' && alert.acknowledgedAt) parts.push(`acknowledged ${at(alert.acknowledgedAt)}`);
    if (alert.status === 'resolved' && alert.resolvedAt) parts.push(`resolved ${at(alert.resolvedAt)}`);
    return parts.join(' · ');
  }

  /**
   * The coverage page on the alert's week (in the team's zone), with its gap selected while it
   * is still a gap (an alert's id is its gap's id).
   */
  protected heatmapQuery(alert: GapAlert): Record<string, string | null> {
    const open = this.statusOf(alert) === 'open' || alert.status === 'acknowledged';
    return { team: alert.teamId, week: startOfIsoWeek(todayIn(this.zone(), Date.parse(alert.start))), gap: open ? alert.id : null };
  }
}
