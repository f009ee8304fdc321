import { inject, Injectable, signal } from '@angular/core';
import type { MyShiftsResponse } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';
import { myShiftsWindow } from './shift-time';

/** The signed-in agent's final published shifts around now, with hours against the contract. */
@Injectable()
export class MyShiftsStore {
  private readonly api = inject(RequestsApi);
  private generation = 0;

  readonly data = signal<MyShiftsResponse | null>(null);
  readonly loading = signal(false);
  readonly error = signal('');

  /** Loads four weeks back and eight ahead of `now` (epoch ms); a late answer of an older load is dropped. */
  async load(now: number): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set('');
    try {
      const data = await firstValueFrom(this.api.myShifts(myShiftsWindow(now)));
      if (generation === this.generation) this.data.set(data);
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
