import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { getLocalDate } from '@shiftdesk/scheduling';
import type { CoverageRule, ScheduledShift, Team } from '@shiftdesk/shared-api-contract';
import { AgentsApi, SessionStore, TeamsApi } from '@shiftdesk/web-data-access';
import { OpenAlertsStore, ScheduleApi } from '@shiftdesk/web-data-access-schedule';
import { NowService, SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { formatCountdown, formatZonedDateTime, formatZonedTime, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { describeRightNow, readRightNow } from './right-now';

/** How far ahead Home looks for the next shift to start. */
const RIGHT_NOW_HORIZON_MS = 24 * 3_600_000;

/** A team's shifts around now and its agents' names, read once per visit. */
interface TeamSchedule {
  shifts: ScheduledShift[];
  names: ReadonlyMap<string, string>;
}

interface DeskCounts {
  agents: number;
  activeAgents: number;
  teams: Team[];
  /** Teams with a coverage target in force today or later: only theirs are checked for gaps. */
  withTarget: ReadonlySet<string>;
}

/**
 * Whether a rule still applies from today on; rules that ended are history. `validTo` is a date
 * on the rule's own clock, so "today" is read there too: a Tokyo rule ending today has ended
 * for Tokyo while it is still today in UTC.
 */
function inForce(rule: CoverageRule, now: Date): boolean {
  return rule.validTo === null || rule.validTo >= getLocalDate(now.getTime(), rule.timeZone);
}

/** The manager's home: how big the desk is, what needs attention, and where to go next. Nothing invented. */
@Component({
  selector: 'sd-home',
  imports: [RouterLink, SpinnerComponent, ZonedClockComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Hello, {{ firstName() }}</h1>
        <p class="muted">{{ today() }}</p>
      </div>
    </div>

    @if (error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="load()">Try again</button>
      </div>
    }

    @if (counts(); as c) {
      <section class="stats" aria-label="Your desk">
        <a class="stat card" routerLink="/agents" data-testid="stat-agents">
          <span class="stat-value">{{ c.agents }}</span>
          <span class="stat-label">{{ c.agents === 1 ? 'agent' : 'agents' }}</span>
          <span class="stat-detail">{{ c.activeAgents }} active</span>
        </a>
        <a class="stat card" routerLink="/teams" data-testid="stat-teams">
          <span class="stat-value">{{ c.teams.length }}</span>
          <span class="stat-label">{{ c.teams.length === 1 ? 'team' : 'teams' }}</span>
          <span class="stat-detail">{{ zoneCount() }} {{ zoneCount() === 1 ? 'time zone' : 'time zones' }}</span>
        </a>
        <a class="stat card" [class.stat-attention]="openAlerts.total() > 0" routerLink="/alerts" [queryParams]="{ team: firstTeamWithAlerts() }" data-testid="stat-alerts">
          <span class="stat-value">{{ openAlerts.loaded() ? openAlerts.total() : '–' }}</span>
          <span class="stat-label">open {{ openAlerts.total() === 1 ? 'alert' : 'alerts' }}</span>
          <span class="stat-detail">
            @if (!openAlerts.loaded()) {
              Checking coverage…
            } @else if (openAlerts.total() > 0) {
              Gaps against coverage targets in the coming weeks
            } @else if (c.withTarget.size === 0) {
              No coverage target yet, so nothing is checked
            } @else {
              Every coverage target is met
            }
          </span>
        </a>
      </section>

      @if (c.teams.length) {
        <section class="card section-card" aria-labelledby="teams-now">
          <h2 id="teams-now">Your teams right now</h2>
          <ul class="plain-list">
            @for (team of c.teams; track team.id) {
              <li class="list-row">
                <a class="strong-link" [routerLink]="['/teams', team.id]">{{ team.name }}</a>
                <span class="subtle">{{ team.agentCount }} {{ team.agentCount === 1 ? 'agent' : 'agents' }}</span>
                @if (!c.withTarget.has(team.id)) {
                  <a class="badge badge-muted" routerLink="/coverage" data-testid="team-no-target">No coverage target</a>
                }
                @if (openAlerts.byTeam().get(team.id); as open) {
                  <a class="badge badge-warning team-alerts" routerLink="/alerts" [queryParams]="{ team: team.id }" data-testid="team-alerts">{{ open }} open {{ open === 1 ? 'alert' : 'alerts' }}</a>
                }
                <sd-zoned-clock [timeZone]="team.timeZone" />
                @if (rightNow().get(team.id); as now) {
                  <p class="right-now" data-testid="team-right-now">
                    <span data-testid="on-shift"><span class="subtle">On shift:</span> {{ now.onShift }}</span>
                    <span data-testid="next-shift"><span class="subtle">Next:</span> {{ now.next }}</span>
                  </p>
                }
              </li>
            }
          </ul>
        </section>
        @if (teamsWithoutTarget().length) {
          <section class="card section-card" aria-labelledby="next-step" data-testid="next-step-target">
            <h2 id="next-step">Next: say when the desk must be staffed</h2>
            <p>
              {{ teamsWithoutTarget().join(', ') }} {{ teamsWithoutTarget().length === 1 ? 'has' : 'have' }} no coverage target, so no gap can be found.
              On Coverage, start from a preset (12 to 18 h a day, or 24/7) with a head-count: every gap shows at once. Then Roster → Generate roster fills the week within the labour rules.
            </p>
            <a class="btn btn-primary" routerLink="/coverage">Set a coverage target</a>
          </section>
        }
      } @else {
        <section class="card section-card">
          <h2>Get started</h2>
          <p>Create a team, then add the agents who staff it.</p>
          <a class="btn btn-primary" routerLink="/teams/new">Add a team</a>
        </section>
      }
    } @else if (!error()) {
      <sd-spinner label="Counting your desk…" />
    }
  `,
})
export class HomeComponent implements OnInit {
  private readonly agentsApi = inject(AgentsApi);
  private readonly teamsApi = inject(TeamsApi);
  private readonly scheduleApi = inject(ScheduleApi);
  private readonly session = inject(SessionStore);
  private readonly clock = inject(NowService);
  private readonly viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  protected readonly openAlerts = inject(OpenAlertsStore);

  readonly counts = signal<DeskCounts | null>(null);
  private readonly schedules = signal<ReadonlyMap<string, TeamSchedule>>(new Map());
  /** Who is on shift and who is next, per team, on the team's clock; follows the clock. */
  readonly rightNow = computed(() => {
    const now = this.clock.now();
    const teams = this.counts()?.teams ?? [];
    const lines = new Map<string, { onShift: string; next: string }>();
    for (const team of teams) {
      const schedule = this.schedules().get(team.id);
      if (!schedule) continue;
      lines.set(
        team.id,
        describeRightNow(readRightNow(schedule.shifts, now), {
          names: schedule.names,
          now,
          formatTime: (instant) => formatZonedTime(instant, team.timeZone),
          formatCountdown,
        }),
      );
    }
    return lines;
  });
  readonly error = signal('');
  readonly firstName = computed(() => (this.session.user()?.displayName ?? '').split(/\s+/)[0] ?? '');
  readonly today = computed(() => `Your time: ${formatZonedDateTime(this.clock.now(), this.viewerZone)} (${this.viewerZone})`);
  readonly zoneCount = computed(() => new Set(this.counts()?.teams.map((t) => t.timeZone)).size);
  readonly teamsWithoutTarget = computed(() => {
    const c = this.counts();
    return c ? c.teams.filter((team) => !c.withTarget.has(team.id)).map((team) => team.name) : [];
  });
  /** The alert card opens the first team that has something open. */
  readonly firstTeamWithAlerts = computed(() => this.counts()?.teams.find((team) => (this.openAlerts.byTeam().get(team.id) ?? 0) > 0)?.id ?? null);

  ngOnInit(): void {
    void this.load();
  }

  async load(): Promise<void> {
    this.error.set('');
    try {
      const [all, active, teams] = await Promise.all([
        firstValueFrom(this.agentsApi.list({ page: 1, pageSize: 1 })),
        firstValueFrom(this.agentsApi.list({ page: 1, pageSize: 1, active: true })),
        firstValueFrom(this.teamsApi.list()),
      ]);
      const now = this.clock.now();
      const rules = await Promise.all(teams.map((team) => firstValueFrom(this.scheduleApi.coverageRules(team.id))));
      const withTarget = new Set(teams.filter((_, i) => rules[i].some((rule) => inForce(rule, now))).map((team) => team.id));
      this.counts.set({ agents: all.total, activeAgents: active.total, teams: [...teams].sort((a, b) => a.name.localeCompare(b.name)), withTarget });
      void this.loadSchedules(teams);
      // Fresh counts on arrival: this is where a manager looks first.
      void this.openAlerts.refresh(
        teams.map((team) => team.id),
        this.clock.now().getTime(),
      );
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  /** Each team's shifts from now to a day ahead, with names; a team that fails to load just shows no line. */
  private async loadSchedules(teams: readonly Team[]): Promise<void> {
    const from = this.clock.now();
    const window = { from: from.toISOString(), to: new Date(from.getTime() + RIGHT_NOW_HORIZON_MS).toISOString() };
    const loaded = await Promise.all(
      teams.map(async (team) => {
        try {
          const [schedule, agents] = await Promise.all([
            firstValueFrom(this.scheduleApi.schedule(team.id, window)),
            firstValueFrom(this.agentsApi.list({ teamId: team.id, pageSize: 200 })),
          ]);
          return [team.id, { shifts: schedule.shifts, names: new Map(agents.items.map((agent) => [agent.id, agent.displayName])) }] as const;
        } catch {
          return null;
        }
      }),
    );
    this.schedules.set(new Map(loaded.filter((entry) => entry !== null)));
  }
}
