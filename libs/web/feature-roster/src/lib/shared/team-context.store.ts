import { computed, inject, Injectable, signal } from '@angular/core';
import type { AgentSummary, Team } from '@shiftdesk/shared-api-contract';
import { AgentsApi, SessionStore, TeamsApi } from '@shiftdesk/web-data-access';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

/** How the board and the heatmap read time. */
export type ZoneMode = 'team' | 'mine' | 'utc' | 'agent';

/** The agents API pages at most 200 rows; a team is smaller than that. */
const TEAM_PAGE_SIZE = 200;

/**
 * The team last chosen on any schedule screen, for the whole session of the app: a manager who
 * picks a team on Coverage finds the same team on Roster, Rotations and Alerts (each screen has
 * its own TeamContextStore, so the choice lives here, above them).
 */
@Injectable({ providedIn: 'root' })
export class ChosenTeam {
  readonly id = signal<string | null>(null);
}

/**
 * Which team the schedule screens show, its agents, and the viewer's own zone. Scoped to the
 * roster/coverage routes. The viewer's zone is their agent profile's zone for agents, the
 * browser's for managers (who have no profile).
 */
@Injectable()
export class TeamContextStore {
  private readonly teamsApi = inject(TeamsApi);
  private readonly agentsApi = inject(AgentsApi);
  private readonly session = inject(SessionStore);
  private readonly chosen = inject(ChosenTeam);
  private readonly browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

  readonly teams = signal<Team[]>([]);
  readonly teamId = signal<string | null>(null);
  readonly agents = signal<AgentSummary[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');

  readonly isManager = this.session.isManager;
  readonly team = computed(() => this.teams().find((team) => team.id === this.teamId()) ?? null);
  readonly teamZone = computed(() => this.team()?.timeZone ?? 'UTC');
  readonly activeAgents = computed(() => this.agents().filter((agent) => agent.active).sort((a, b) => a.displayName.localeCompare(b.displayName)));
  readonly agentsById = computed(() => new Map(this.agents().map((agent) => [agent.id, agent])));
  readonly myAgentId = computed(() => this.session.user()?.agentId ?? null);
  readonly myZone = computed(() => {
    const mine = this.myAgentId();
    return (mine && this.agentsById().get(mine)?.timeZone) || this.browserZone;
  });

  /**
   * Loads the teams once and picks `preferred` (a link's `?team=`) when it is one of them, else
   * the team last chosen on another schedule screen, else the first one the user belongs to.
   * Later calls only switch to `preferred`.
   */
  async load(preferred?: string | null): Promise<void> {
    if (this.loaded() || this.loading()) {
      if (this.loaded() && preferred && preferred !== this.teamId() && this.teams().some((team) => team.id === preferred)) await this.selectTeam(preferred);
      return;
    }
    this.loading.set(true);
    this.error.set('');
    try {
      const teams = [...(await firstValueFrom(this.teamsApi.list()))].sort((a, b) => a.name.localeCompare(b.name));
      this.teams.set(teams);
      const own = this.session.user()?.teamIds ?? [];
      const first =
        teams.find((team) => team.id === preferred) ??
        teams.find((team) => team.id === this.chosen.id()) ??
        teams.find((team) => own.includes(team.id)) ??
        teams[0];
      this.loaded.set(true);
      if (first) await this.selectTeam(first.id);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  async selectTeam(teamId: string): Promise<void> {
    this.teamId.set(teamId);
    this.chosen.id.set(teamId);
    this.agents.set([]);
    try {
      const page = await firstValueFrom(this.agentsApi.list({ teamId, pageSize: TEAM_PAGE_SIZE }));
      if (this.teamId() === teamId) this.agents.set(page.items);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  /** The zone a mode stands for (`agent` falls back to the team's zone for headers). */
  zoneFor(mode: ZoneMode): string {
    if (mode === 'utc') return 'UTC';
    if (mode === 'mine') return this.myZone();
    return this.teamZone();
  }
}
