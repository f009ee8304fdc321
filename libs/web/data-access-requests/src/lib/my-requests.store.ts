import { computed, inject, Injectable, signal } from '@angular/core';
import type { MyProfile, RequestAction, RequestImpact, ShiftRequest } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { describeOutcome, sortRequests } from './request-actions';
import { NoticesStore } from './notices.store';
import { RequestsApi } from './requests.api';

/** An agent has few requests: one page holds them. */
const LIST_SIZE = 200;

/**
 * An agent's requests page: what waits for them (a colleague's swap or give-away), what they
 * filed, and the shifts offered to everyone that they could take.
 */
@Injectable()
export class MyRequestsStore {
  private readonly api = inject(RequestsApi);
  private readonly notices = inject(NoticesStore);
  private generation = 0;

  /** The agent's own record (zone for times, team), read once. */
  readonly profile = signal<MyProfile | null>(null);
  readonly zone = computed(() => this.profile()?.timeZone ?? 'UTC');
  readonly mine = signal<ShiftRequest[]>([]);
  /**
   * Fresh impacts of what the agent may say yes to (incoming, takeable), by id: an open offer's
   * impact is computed as if this agent took it, so blockers show before they press Take.
   */
  readonly impacts = signal<ReadonlyMap<string, RequestImpact>>(new Map());
  readonly openShifts = signal<ShiftRequest[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  /** Ids with an action under way. */
  readonly busy = signal<ReadonlySet<string>>(new Set());
  readonly actionError = signal('');
  readonly actionNotice = signal('');

  /** Waiting for me: a colleague named me (accept/decline). */
  readonly incoming = computed(() => sortRequests(this.mine().filter((r) => r.actions.includes('accept'))));
  /** Everything else that concerns me, open ones first. */
  readonly others = computed(() => sortRequests(this.mine().filter((r) => !r.actions.includes('accept'))));
  readonly takeable = computed(() => sortRequests(this.openShifts().filter((r) => r.actions.includes('take'))));

  async load(): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set('');
    try {
      const [mine, open, profile] = await Promise.all([
        firstValueFrom(this.api.list({ scope: 'mine', pageSize: LIST_SIZE })),
        firstValueFrom(this.api.list({ scope: 'open-shifts', pageSize: LIST_SIZE })),
        this.profile() ?? firstValueFrom(this.api.myProfile()),
      ]);
      if (generation !== this.generation) return;
      this.profile.set(profile);
      this.mine.set(mine.items);
      this.openShifts.set(open.items);
      this.loaded.set(true);
      const askable = [...this.incoming(), ...this.takeable()];
      const details = await Promise.all(askable.map((r) => firstValueFrom(this.api.get(r.id)).catch(() => null)));
      if (generation !== this.generation) return;
      this.impacts.set(new Map(details.flatMap((d) => (d?.impact ? [[d.id, d.impact] as const] : []))));
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /**
   * Acts on a request with the version the screen showed (a change meanwhile answers 409 with a
   * message, shown as it is), then reloads both lists and the notices.
   */
  async act(request: ShiftRequest, action: RequestAction, comment?: string): Promise<boolean> {
    this.busy.update((ids) => new Set(ids).add(request.id));
    this.actionError.set('');
    this.actionNotice.set('');
    try {
      const updated = await firstValueFrom(this.api.act(request.id, action, { version: request.version, ...(comment ? { comment } : {}) }));
      this.actionNotice.set(describeOutcome(action, updated));
      return true;
    } catch (failure) {
      this.actionError.set(toApiError(failure).message);
      return false;
    } finally {
      this.busy.update((ids) => {
        const next = new Set(ids);
        next.delete(request.id);
        return next;
      });
      await this.load();
      void this.notices.refresh();
    }
  }

  /** Adds a request just filed (before the next reload). */
  add(request: ShiftRequest): void {
    this.mine.update((list) => [request, ...list.filter((r) => r.id !== request.id)]);
  }
}
