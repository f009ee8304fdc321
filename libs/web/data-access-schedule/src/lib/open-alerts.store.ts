import { computed, inject, Injectable, signal } from '@angular/core';
import type { GapAlert } from '@shiftdesk/shared-api-contract';
import { firstValueFrom } from 'rxjs';
import { countOpenAlerts } from './alert-list';
import { ScheduleApi } from './schedule.api';

/**
 * How many gap alerts each of the manager's teams has open (and not yet passed), for the nav
 * badge and the home screen. App-wide: the shell refreshes it on navigation, the alert list
 * records what it just loaded so the badge never disagrees with the screen.
 */
@Injectable({ providedIn: 'root' })
export class OpenAlertsStore {
  private readonly api = inject(ScheduleApi);
  private generation = 0;

  readonly byTeam = signal<ReadonlyMap<string, number>>(new Map());
  readonly loaded = signal(false);
  readonly total = computed(() => [...this.byTeam().values()].reduce((sum, count) => sum + count, 0));

  /**
   * Reloads the counts of `teamIds` (the manager's teams) at `now`. A team whose request fails
   * keeps its last count; a team no longer listed is dropped. Only the latest call applies.
   */
  async refresh(teamIds: readonly string[], now: number): Promise<void> {
    const generation = ++this.generation;
    const previous = this.byTeam();
    const counts = await Promise.all(
      teamIds.map(async (teamId): Promise<[string, number]> => {
        try {
          const response = await firstValueFrom(this.api.alerts(teamId, { status: 'open' }));
          return [teamId, countOpenAlerts(response.alerts, now)];
        } catch {
          return [teamId, previous.get(teamId) ?? 0];
        }
      }),
    );
    if (generation !== this.generation) return;
    this.byTeam.set(new Map(counts));
    this.loaded.set(true);
  }

  /** Reloads one team's count (after a change on a schedule screen). */
  async refreshTeam(teamId: string, now: number): Promise<void> {
    try {
      const response = await firstValueFrom(this.api.alerts(teamId, { status: 'open' }));
      this.record(teamId, response.alerts, now);
    } catch {
      // The badge keeps its last count; the next navigation refreshes it.
    }
  }

  /** Takes a team's count from a list loaded elsewhere (the alert list), without a request. */
  record(teamId: string, alerts: readonly GapAlert[], now: number): void {
    this.byTeam.update((counts) => new Map(counts).set(teamId, countOpenAlerts(alerts, now)));
  }

  /** Forgets everything (signing out). */
  clear(): void {
    this.generation += 1;
    this.byTeam.set(new Map());
    this.loaded.set(false);
  }
}
