import { inject, Injectable, signal } from '@angular/core';
import type { MyProfile, Team } from '@shiftdesk/shared-api-contract';
import { AgentsApi, TeamsApi } from '@shiftdesk/web-data-access';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

/** The signed-in agent's own record and their team. */
@Injectable()
export class ProfileStore {
  private readonly agentsApi = inject(AgentsApi);
  private readonly teamsApi = inject(TeamsApi);

  readonly profile = signal<MyProfile | null>(null);
  readonly team = signal<Team | null>(null);
  readonly loading = signal(false);
  readonly error = signal('');

  async load(): Promise<void> {
    this.loading.set(true);
    this.error.set('');
    try {
      const profile = await firstValueFrom(this.agentsApi.myProfile());
      this.profile.set(profile);
      // The team's name is a nicety: if it cannot be read, the profile still shows.
      this.team.set(await firstValueFrom(this.teamsApi.get(profile.teamId)).catch(() => null));
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
