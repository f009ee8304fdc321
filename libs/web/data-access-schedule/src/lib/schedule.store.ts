import { computed, inject, Injectable, signal } from '@angular/core';
import type { CreateOverrideRequest, CreateShiftRequest, ManualShift, Override, ScheduledShift, UpdateShiftRequest } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom, type Subscription } from 'rxjs';
import { ScheduleApi } from './schedule.api';

/**
 * The final schedule of one team over one window, and the manual-shift writes that change it.
 * Scoped to a feature route. Only the latest load counts; a write reloads the window so the
 * board shows what every other consumer (coverage, gaps) reads.
 */
@Injectable()
export class ScheduleStore {
  private readonly api = inject(ScheduleApi);
  private inFlight: Subscription | null = null;
  private query: { teamId: string; from: string; to: string } | null = null;

  readonly shifts = signal<ScheduledShift[]>([]);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  /** Ids of shifts whose optimistic move is waiting for the API. */
  readonly saving = signal<ReadonlySet<string>>(new Set());
  readonly byAgent = computed(() => {
    const map = new Map<string, ScheduledShift[]>();
    for (const shift of this.shifts()) {
      const list = map.get(shift.agentId) ?? [];
      list.push(shift);
      map.set(shift.agentId, list);
    }
    return map;
  });

  load(teamId: string, from: string, to: string): void {
    this.query = { teamId, from, to };
    this.inFlight?.unsubscribe();
    this.loading.set(true);
    this.error.set('');
    this.inFlight = this.api.schedule(teamId, { from, to }).subscribe({
      next: (response) => {
        this.shifts.set(response.shifts);
        this.loading.set(false);
        this.loaded.set(true);
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure).message);
        this.loading.set(false);
      },
    });
  }

  reload(): void {
    if (this.query) this.load(this.query.teamId, this.query.from, this.query.to);
  }

  /** Rejects with the contract's ApiError (409 overlap, 400 with `fields`) for the form to show. */
  async createShift(teamId: string, request: CreateShiftRequest): Promise<ManualShift> {
    return this.write(() => firstValueFrom(this.api.createShift(teamId, request)));
  }

  async updateShift(teamId: string, id: string, request: UpdateShiftRequest): Promise<ManualShift> {
    return this.write(() => firstValueFrom(this.api.updateShift(teamId, id, request)));
  }

  /**
   * A drag on the board: shows `preview` in place of the shift at once, then PATCHes it. When the
   * API refuses (409 overlap, 400), the shift goes back to where it was and the ApiError is
   * rethrown for the board to show; `saving` names the shifts whose move is in flight.
   */
  async moveShift(teamId: string, id: string, request: UpdateShiftRequest, preview: ScheduledShift): Promise<ManualShift> {
    const before = this.shifts().find((shift) => shift.id === id);
    const swap = (next: ScheduledShift | undefined) => {
      if (next) this.shifts.update((shifts) => shifts.map((shift) => (shift.id === id ? next : shift)));
    };
    swap(preview);
    this.saving.update((ids) => new Set(ids).add(id));
    try {
      return await this.write(() => firstValueFrom(this.api.updateShift(teamId, id, request)));
    } catch (failure) {
      swap(before);
      throw failure;
    } finally {
      this.saving.update((ids) => {
        const next = new Set(ids);
        next.delete(id);
        return next;
      });
    }
  }

  async createOverride(teamId: string, request: CreateOverrideRequest): Promise<Override> {
    return this.write(() => firstValueFrom(this.api.createOverride(teamId, request)));
  }

  /**
   * Ends the cover shown as `piece` (a shift of source `override`): the override of that agent on
   * that rotation overlapping the piece. The schedule names pieces, not overrides, so it is found
   * by agent, rotation and time. Null when none matches any more (someone removed it meanwhile).
   */
  async removeOverrideOf(teamId: string, piece: ScheduledShift): Promise<Override | null> {
    return this.write(async () => {
      const overrides = await firstValueFrom(this.api.overrides(teamId, { from: piece.start, to: piece.end }));
      const start = Date.parse(piece.start);
      const end = Date.parse(piece.end);
      const match = overrides.find(
        (o) => o.agentId === piece.agentId && (o.rotationId === null || o.rotationId === piece.rotationId) && Date.parse(o.start) < end && start < Date.parse(o.end),
      );
      if (match) await firstValueFrom(this.api.deleteOverride(teamId, match.id), { defaultValue: undefined });
      return match ?? null;
    });
  }

  async deleteShift(teamId: string, id: string): Promise<void> {
    await this.write(() => firstValueFrom(this.api.deleteShift(teamId, id), { defaultValue: undefined }));
  }

  private async write<T>(call: () => Promise<T>): Promise<T> {
    try {
      const result = await call();
      this.reload();
      return result;
    } catch (failure) {
      throw toApiError(failure);
    }
  }
}
