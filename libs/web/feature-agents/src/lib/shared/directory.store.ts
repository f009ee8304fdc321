import { computed, inject, Injectable, signal } from '@angular/core';
import type { Region, Team } from '@shiftdesk/shared-api-contract';
import { RegionsApi, TeamsApi } from '@shiftdesk/web-data-access';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

/**
 * Teams and regions: the small reference lists the agents and teams screens pick from.
 * Scoped to the feature routes; loaded once, refreshed after a team is saved.
 */
@Injectable()
export class DirectoryStore {
  private readonly teamsApi = inject(TeamsApi);
  private readonly regionsApi = inject(RegionsApi);

  readonly teams = signal<Team[]>([]);
  readonly regions = signal<Region[]>([]);
  readonly teamsLoaded = signal(false);
  readonly loading = signal(false);
  readonly error = signal('');

  readonly teamsById = computed(() => new Map(this.teams().map((team) => [team.id, team])));
  readonly regionsById = computed(() => new Map(this.regions().map((region) => [region.id, region])));
  readonly sortedTeams = computed(() => [...this.teams()].sort((a, b) => a.name.localeCompare(b.name)));
  readonly sortedRegions = computed(() => [...this.regions()].sort((a, b) => a.name.localeCompare(b.name)));

  private pending: Promise<void> | null = null;

  /** Loads both lists once; concurrent callers share the request. `force` reloads. */
  load(force = false): Promise<void> {
    if (this.pending && !force) return this.pending;
    if (this.teamsLoaded() && !force) return Promise.resolve();
    this.pending = this.fetch().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetch(): Promise<void> {
    this.loading.set(true);
    this.error.set('');
    try {
      const [teams, regions] = await Promise.all([
        firstValueFrom(this.teamsApi.list()),
        // Regions only enrich the form: a failure there must not hide the agents.
        firstValueFrom(this.regionsApi.list()).catch(() => [] as Region[]),
      ]);
      this.teams.set(teams);
      this.regions.set(regions);
      this.teamsLoaded.set(true);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
