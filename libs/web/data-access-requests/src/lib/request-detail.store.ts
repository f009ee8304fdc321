import { inject, Injectable, signal } from '@angular/core';
import type { RequestAction, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { describeOutcome } from './request-actions';
import { NoticesStore } from './notices.store';
import { RequestsApi } from './requests.api';

/** One request with its fresh impact and its history. */
@Injectable()
export class RequestDetailStore {
  private readonly api = inject(RequestsApi);
  private readonly notices = inject(NoticesStore);
  private generation = 0;

  readonly detail = signal<ShiftRequestDetail | null>(null);
  /** The zone times are read in: the agent's own (when the viewer is an agent), else each shift's. */
  readonly viewerZone = signal<string | null>(null);
  readonly loading = signal(false);
  readonly error = signal('');
  readonly busy = signal(false);
  readonly actionError = signal('');
  readonly actionNotice = signal('');

  async load(id: string, asAgent = false): Promise<void> {
    const generation = ++this.generation;
    if (this.detail()?.id !== id) this.detail.set(null);
    this.loading.set(true);
    this.error.set('');
    try {
      const [detail, zone] = await Promise.all([
        firstValueFrom(this.api.get(id)),
        asAgent && !this.viewerZone() ? firstValueFrom(this.api.myProfile()).then((p) => p.timeZone, () => null) : this.viewerZone(),
      ]);
      if (generation !== this.generation) return;
      this.detail.set(detail);
      this.viewerZone.set(zone);
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** Acts with the version on screen; the answer replaces the detail. On a 409 the detail is reloaded so the screen shows what changed. */
  async act(action: RequestAction, comment?: string): Promise<boolean> {
    const detail = this.detail();
    if (!detail || this.busy()) return false;
    this.busy.set(true);
    this.actionError.set('');
    this.actionNotice.set('');
    try {
      const updated = await firstValueFrom(this.api.act(detail.id, action, { version: detail.version, ...(comment ? { comment } : {}) }));
      this.generation += 1;
      this.detail.set(updated);
      this.actionNotice.set(describeOutcome(action, updated));
      return true;
    } catch (failure) {
      const error = toApiError(failure);
      this.actionError.set(error.message);
      if (error.statusCode === 409) await this.load(detail.id, !!this.viewerZone());
      return false;
    } finally {
      this.busy.set(false);
      void this.notices.refresh();
    }
  }
}
