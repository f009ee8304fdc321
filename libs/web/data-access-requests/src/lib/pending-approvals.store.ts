import { computed, inject, Injectable, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';

/**
 * How many requests wait for a manager in each of the manager's teams, for the nav badge.
 * App-wide: the shell refreshes it; the approvals inbox records what it just loaded.
 */
@Injectable({ providedIn: 'root' })
export class PendingApprovalsStore {
  private readonly api = inject(RequestsApi);
  private generation = 0;

  readonly byTeam = signal<ReadonlyMap<string, number>>(new Map());
  readonly total = computed(() => [...this.byTeam().values()].reduce((sum, n) => sum + n, 0));

  /** Reloads the counts of `teamIds`; a team whose request fails keeps its last count. Only the latest call applies. */
  async refresh(teamIds: readonly string[]): Promise<void> {
    const generation = ++this.generation;
    const previous = this.byTeam();
    const counts = await Promise.all(
      teamIds.map(async (teamId): Promise<[string, number]> => {
        try {
          // One row is enough: the page's total is the count.
          const page = await firstValueFrom(this.api.list({ scope: 'team', teamId, awaiting: 'manager', pageSize: 1 }));
          return [teamId, page.total];
        } catch {
          return [teamId, previous.get(teamId) ?? 0];
        }
      }),
    );
    if (generation === this.generation) this.byTeam.set(new Map(counts));
  }

  record(teamId: string, count: number): void {
    this.byTeam.update((counts) => new Map(counts).set(teamId, count));
  }

  clear(): void {
    this.generation += 1;
    this.byTeam.set(new Map());
  }
}
