import { inject, Injectable, signal } from '@angular/core';
import type { CreateShiftRequestBody, RequestImpact, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';

/**
 * A request being written: the server's impact preview of the current draft, then filing it.
 * The preview is computed on the final schedule as it would be after the change, so blockers
 * and gaps are known before anyone sends anything.
 */
@Injectable()
export class RequestDraftStore {
  private readonly api = inject(RequestsApi);
  private generation = 0;

  /** The draft the impact was computed for. */
  readonly body = signal<CreateShiftRequestBody | null>(null);
  readonly impact = signal<RequestImpact | null>(null);
  readonly previewing = signal(false);
  readonly previewError = signal('');
  readonly submitting = signal(false);
  readonly submitError = signal('');
  /** The API's per-field messages (400 `fields`), by field name. */
  readonly fieldErrors = signal<Readonly<Record<string, string>>>({});
  readonly created = signal<ShiftRequestDetail | null>(null);

  /** Asks the server what `body` would do; a newer preview or a reset drops an older answer. */
  async preview(body: CreateShiftRequestBody): Promise<void> {
    const generation = ++this.generation;
    this.body.set(body);
    this.impact.set(null);
    this.previewing.set(true);
    this.previewError.set('');
    this.submitError.set('');
    this.fieldErrors.set({});
    try {
      const impact = await firstValueFrom(this.api.impact(body));
      if (generation === this.generation) this.impact.set(impact);
    } catch (failure) {
      if (generation !== this.generation) return;
      const error = toApiError(failure);
      this.previewError.set(error.message);
      this.fieldErrors.set(Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message])));
    } finally {
      if (generation === this.generation) this.previewing.set(false);
    }
  }

  /** Files the previewed draft; resolves to the new request, or null (the reason is in `submitError`). */
  async submit(): Promise<ShiftRequestDetail | null> {
    const body = this.body();
    if (!body || this.submitting()) return null;
    const generation = this.generation;
    this.submitting.set(true);
    this.submitError.set('');
    this.fieldErrors.set({});
    try {
      const created = await firstValueFrom(this.api.create(body));
      if (generation === this.generation) this.created.set(created);
      return created;
    } catch (failure) {
      const error = toApiError(failure);
      if (generation === this.generation) {
        this.submitError.set(error.message);
        this.fieldErrors.set(Object.fromEntries((error.fields ?? []).map((f) => [f.field, f.message])));
      }
      return null;
    } finally {
      this.submitting.set(false);
    }
  }

  /** Forgets the draft (closing the form). */
  reset(): void {
    this.generation += 1;
    this.body.set(null);
    this.impact.set(null);
    this.previewing.set(false);
    this.previewError.set('');
    this.submitError.set('');
    this.fieldErrors.set({});
    this.created.set(null);
  }
}
