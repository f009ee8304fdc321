import { inject, Injectable, signal } from '@angular/core';
import type { GapAlert } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { OpenAlertsStore } from './open-alerts.store';
import { ScheduleApi } from './schedule.api';

/**
 * One team's gap alerts (every status: the screen filters) and the acknowledge action. Scoped
 * to the alerts route. Whether the team has coverage targets at all is loaded alongside, so an
 * empty list can say why it is empty.
 */
@Injectable()
export class AlertsStore {
  private readonly api = inject(ScheduleApi);
  private readonly openAlerts = inject(OpenAlertsStore);
  private generation = 0;

  readonly teamId = signal<string | null>(null);
  readonly alerts = signal<GapAlert[]>([]);
  /** null until known. */
  readonly hasRules = signal<boolean | null>(null);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  /** Ids being acknowledged right now. */
  readonly acknowledging = signal<ReadonlySet<string>>(new Set());
  readonly actionError = signal('');

  /** Loads `teamId`'s alerts; another team's list is cleared at once, a late answer dropped. */
  async load(teamId: string, now: number): Promise<void> {
    const generation = ++this.generation;
    if (this.teamId() !== teamId) {
      this.alerts.set([]);
      this.hasRules.set(null);
      this.loaded.set(false);
    }
    this.teamId.set(teamId);
    this.loading.set(true);
    this.error.set('');
    this.actionError.set('');
    try {
      const [response, rules] = await Promise.all([firstValueFrom(this.api.alerts(teamId)), firstValueFrom(this.api.coverageRules(teamId))]);
      if (generation !== this.generation) return;
      this.alerts.set(response.alerts);
      this.hasRules.set(rules.length > 0);
      this.loaded.set(true);
      this.openAlerts.record(teamId, response.alerts, now);
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** Marks the gap as deliberate; the row is replaced by the API's answer. */
  async acknowledge(teamId: string, id: string, now: number): Promise<void> {
    this.acknowledging.update((ids) => new Set(ids).add(id));
    this.actionError.set('');
    try {
      const updated = await firstValueFrom(this.api.acknowledgeAlert(teamId, id));
      if (this.teamId() !== teamId) return;
      this.alerts.update((alerts) => alerts.map((alert) => (alert.id === id ? updated : alert)));
      this.openAlerts.record(teamId, this.alerts(), now);
    } catch (failure) {
      this.actionError.set(toApiError(failure).message);
    } finally {
      this.acknowledging.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }
}
