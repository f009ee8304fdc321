import { HttpClient } from '@angular/common/http';
import { inject, Injectable, signal } from '@angular/core';
import type { CreateShiftPreferenceRequest, ShiftPreference, ShiftPreferencesResponse } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from './api-paths';

@Injectable({ providedIn: 'root' })
export class PreferencesApi {
  private readonly http = inject(HttpClient);

  list(agentId: string): Promise<ShiftPreferencesResponse> {
    return firstValueFrom(this.http.get<ShiftPreferencesResponse>(`${API_BASE}/preferences`, { params: { agentId } }));
  }

  create(request: CreateShiftPreferenceRequest): Promise<ShiftPreference> {
    return firstValueFrom(this.http.post<ShiftPreference>(`${API_BASE}/preferences`, request));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`${API_BASE}/preferences/${encodeURIComponent(id)}`));
  }
}

/**
 * One agent's shift preferences on a screen (provide it in the component): the list, a busy flag,
 * the API's error sentence and per-field messages of the last refused add.
 */
@Injectable()
export class PreferencesStore {
  private readonly api = inject(PreferencesApi);
  private agentId = '';
  readonly items = signal<ShiftPreference[]>([]);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal('');
  readonly fieldErrors = signal<Record<string, string>>({});

  async load(agentId: string): Promise<void> {
    this.agentId = agentId;
    this.loading.set(true);
    this.error.set('');
    try {
      const { items } = await this.api.list(agentId);
      if (agentId === this.agentId) this.items.set(items);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  /** Resolves true when added; on a refusal the messages are in `error` and `fieldErrors`. */
  async add(request: Omit<CreateShiftPreferenceRequest, 'agentId'>): Promise<boolean> {
    return this.run(async () => {
      await this.api.create({ ...request, agentId: this.agentId });
      this.items.set((await this.api.list(this.agentId)).items);
    });
  }

  async remove(id: string): Promise<boolean> {
    return this.run(async () => {
      await this.api.remove(id);
      this.items.update((items) => items.filter((item) => item.id !== id));
    });
  }

  private async run(work: () => Promise<void>): Promise<boolean> {
    this.busy.set(true);
    this.error.set('');
    this.fieldErrors.set({});
    try {
      await work();
      return true;
    } catch (failure) {
      const error = toApiError(failure);
      this.error.set(error.message);
      this.fieldErrors.set(Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message])));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
