import { computed, inject, Injectable, signal } from '@angular/core';
import { OPEN_REQUEST_STATES, type MyShiftsResponse, type ShiftRequest } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';
import { myShiftsWindow } from './shift-time';

/** An agent has few requests: one page holds them. */
const LIST_SIZE = 200;

/**
 * The signed-in agent's final published shifts around now, with hours against the contract, and
 * their open requests so each shift can say it is already being traded.
 */
@Injectable()
export class MyShiftsStore {
  private readonly api = inject(RequestsApi);
  private generation = 0;

  readonly data = signal<MyShiftsResponse | null>(null);
  readonly requests = signal<ShiftRequest[]>([]);
  readonly loading = signal(false);
  readonly error = signal('');

  /** Open requests (pending, accepted) by the id of a shift they would move. */
  readonly openRequestByShift = computed(() => {
    const byShift = new Map<string, ShiftRequest>();
    for (const request of this.requests()) {
      if (!OPEN_REQUEST_STATES.includes(request.state)) continue;
      for (const shift of [request.shift, request.targetShift]) if (shift && !byShift.has(shift.shiftId)) byShift.set(shift.shiftId, request);
    }
    return byShift;
  });

  /** Loads four weeks back and eight ahead of `now` (epoch ms); a late answer of an older load is dropped. */
  async load(now: number): Promise<void> {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set('');
    try {
      const [data, requests] = await Promise.all([
        firstValueFrom(this.api.myShifts(myShiftsWindow(now))),
        // The shifts matter more than the badges: a failing list only hides them.
        firstValueFrom(this.api.list({ scope: 'mine', pageSize: LIST_SIZE })).then((page) => page.items, () => null),
      ]);
      if (generation !== this.generation) return;
      this.data.set(data);
      if (requests) this.requests.set(requests);
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }
}
