import { inject, Injectable, signal } from '@angular/core';
import type { Notice } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';

/**
 * The signed-in user's in-app notices and unread count, for the bell in the shell. App-wide: the
 * shell polls it, and the request screens refresh it after the user's own actions.
 */
@Injectable({ providedIn: 'root' })
export class NoticesStore {
  private readonly api = inject(RequestsApi);
  private generation = 0;

  readonly items = signal<Notice[]>([]);
  readonly unread = signal(0);
  readonly loaded = signal(false);
  readonly loading = signal(false);
  readonly error = signal('');

  /** Reloads; only the latest call applies. A failure keeps the last list (and says why). */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    try {
      const response = await firstValueFrom(this.api.notices());
      if (generation !== this.generation) return;
      this.items.set(response.items);
      this.unread.set(response.unread);
      this.loaded.set(true);
      this.error.set('');
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** Marks `ids` read (every notice when left out); the answer replaces the list. */
  async markRead(ids?: string[]): Promise<void> {
    const generation = ++this.generation;
    try {
      const response = await firstValueFrom(this.api.markNoticesRead(ids ? { ids } : {}));
      if (generation !== this.generation) return;
      this.items.set(response.items);
      this.unread.set(response.unread);
      this.error.set('');
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    }
  }

  /** Forgets everything (signing out). */
  clear(): void {
    this.generation += 1;
    this.items.set([]);
    this.unread.set(0);
    this.loaded.set(false);
    this.error.set('');
  }
}
