import { computed, inject, Injectable, signal } from '@angular/core';
import type { Team } from '@shiftdesk/shared-api-contract';
import { TeamsApi } from '@shiftdesk/web-data-access';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

/** The manager's teams and the one the pay pages show (kept while the /pay route lives). */
@Injectable()
export class PayTeamStore {
  private readonly teamsApi = inject(TeamsApi);
  readonly teams = signal<Team[]>([]);
  readonly teamId = signal<string | null>(null);
  readonly error = signal<string | null>(null);
  readonly loaded = signal(false);
  readonly team = computed(() => this.teams().find((team) => team.id === this.teamId()) ?? null);
  private loading: Promise<void> | null = null;

  /** Loads the teams once; picks `preferred` when given and known, else the current or the first. */
  async ensure(preferred?: string | null): Promise<void> {
    this.loading ??= firstValueFrom(this.teamsApi.list())
      .then((teams) => {
        this.teams.set([...teams].sort((a, b) => a.name.localeCompare(b.name)));
      })
      .catch((failure: unknown) => {
        this.error.set(toApiError(failure).message);
        this.loading = null;
      })
      .finally(() => this.loaded.set(true));
    await this.loading;
    const teams = this.teams();
    const pick = (preferred && teams.some((team) => team.id === preferred) ? preferred : null) ?? this.teamId() ?? teams[0]?.id ?? null;
    this.teamId.set(pick);
  }
}
