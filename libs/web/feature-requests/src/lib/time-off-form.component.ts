import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { TIME_OFF_REASONS, type CreateShiftRequestBody, type ShiftRequestDetail, type TimeOffReason } from '@shiftdesk/shared-api-contract';
import { localToIso, RequestDraftStore } from '@shiftdesk/web-data-access-requests';
import { RequestImpactComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { TIME_OFF_REASON_LABELS } from '@shiftdesk/web-util';

export interface TimeOffDraft {
  allDay: boolean;
  firstDate: string;
  lastDate: string;
  date: string;
  fromTime: string;
  toTime: string;
  reason: TimeOffReason;
  note: string;
}

/** Days between two local dates (`YYYY-MM-DD`), no zone involved. */
function dayDifference(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/**
 * The request body for a time-off draft, or a sentence saying what is missing. Whole days go as
 * local dates (the server reads them in the agent's zone); hours go as instants of the local
 * times in `zone`, the end on the next day when it is at or before the start (a night).
 */
export function timeOffBody(draft: TimeOffDraft, zone: string): { body: CreateShiftRequestBody } | { problem: string; field: string } {
  const note = draft.note.trim() ? { note: draft.note.trim() } : {};
  if (draft.allDay) {
    if (!draft.firstDate) return { problem: 'Choose the first day off.', field: 'firstDate' };
    const lastDate = draft.lastDate || draft.firstDate;
    if (dayDifference(draft.firstDate, lastDate) < 0) return { problem: 'The last day comes before the first day: pick a last day on or after it.', field: 'lastDate' };
    return { body: { kind: 'time-off', timeOff: { firstDate: draft.firstDate, lastDate, reason: draft.reason }, ...note } };
  }
  if (!draft.date || !draft.fromTime || !draft.toTime) return { problem: 'Choose the day and the hours.', field: 'date' };
  const start = localToIso(draft.date, draft.fromTime, zone);
  const endDate = draft.toTime <= draft.fromTime ? new Date(Date.parse(`${draft.date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : draft.date;
  const end = localToIso(endDate, draft.toTime, zone);
  if (!start || !end) return { problem: 'That day or time is not valid.', field: 'date' };
  return { body: { kind: 'time-off', timeOff: { start, end, reason: draft.reason }, ...note } };
}

/** Asks for time off in the agent's own zone, with the impact preview before sending. */
@Component({
  selector: 'sd-time-off-form',
  imports: [RequestImpactComponent, SpinnerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [RequestDraftStore],
  template: `
    <form class="time-off" (submit)="$event.preventDefault(); send()" aria-labelledby="time-off-title" data-testid="time-off-form" novalidate>
      <h3 id="time-off-title" class="visually-hidden">Ask for time off</h3>
      <fieldset class="time-off-mode">
        <legend class="field-label">How long</legend>
        <label class="radio-row"><input type="radio" class="radio" name="time-off-mode" [checked]="draft().allDay" (change)="patch({ allDay: true })" data-testid="time-off-days" /> Whole days</label>
        <label class="radio-row"><input type="radio" class="radio" name="time-off-mode" [checked]="!draft().allDay" (change)="patch({ allDay: false })" data-testid="time-off-hours" /> Some hours</label>
      </fieldset>
      <div class="form-grid">
        @if (draft().allDay) {
          <label class="field"><span>First day</span><input type="date" [value]="draft().firstDate" (change)="patch({ firstDate: $any($event.target).value })" data-testid="time-off-first" [attr.aria-invalid]="problemField() === 'firstDate'" /></label>
          <label class="field"><span>Last day <span class="optional">(inclusive)</span></span><input type="date" [value]="draft().lastDate" [min]="draft().firstDate" (change)="patch({ lastDate: $any($event.target).value })" data-testid="time-off-last" [attr.aria-invalid]="problemField() === 'lastDate'" /></label>
        } @else {
          <label class="field"><span>Day</span><input type="date" [value]="draft().date" (change)="patch({ date: $any($event.target).value })" data-testid="time-off-date" /></label>
          <label class="field"><span>From</span><input type="time" [value]="draft().fromTime" (change)="patch({ fromTime: $any($event.target).value })" data-testid="time-off-from" /></label>
          <label class="field"><span>To</span><input type="time" [value]="draft().toTime" (change)="patch({ toTime: $any($event.target).value })" data-testid="time-off-to" /></label>
        }
        <label class="field">
          <span>Reason</span>
          <select (change)="patch({ reason: $any($event.target).value })" data-testid="time-off-reason">
            @for (reason of reasons; track reason) { <option [value]="reason" [selected]="reason === draft().reason">{{ reasonLabels[reason] }}</option> }
          </select>
        </label>
      </div>
      <p class="field-hint">In your zone, {{ zone() }}.@if (draft().allDay) { From midnight of the first day to midnight after the last.}</p>
      <label class="field">
        <span>Note <span class="optional">(optional)</span></span>
        <textarea rows="2" maxlength="500" [value]="draft().note" (input)="setNote($any($event.target).value)" data-testid="time-off-note"></textarea>
      </label>
      <div aria-live="polite">
        @if (problem()) {
          <p class="field-error" data-testid="time-off-problem">{{ problem() }}</p>
        } @else if (store.previewing()) {
          <sd-spinner label="Checking the impact…" />
        } @else if (store.previewError()) {
          <div class="alert alert-error" role="alert">{{ store.previewError() }}</div>
        } @else if (store.impact(); as impact) {
          <sd-request-impact [impact]="impact" [teamZone]="teamZone()" />
        }
      </div>
      @if (store.submitError()) {
        <div class="alert alert-error" role="alert" data-testid="time-off-error">{{ store.submitError() }}</div>
      }
      <div class="form-actions">
        <button type="submit" class="btn btn-primary" [disabled]="!canSend()" data-testid="time-off-send">{{ store.submitting() ? 'Sending…' : 'Ask for time off' }}</button>
      </div>
    </form>
  `,
  styles: `
    .time-off { display: flex; flex-direction: column; gap: 10px; }
    .time-off-mode { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
    .field-label { font-weight: 600; font-size: 14px; padding: 0; margin-bottom: 4px; }
    .time-off .form-actions { margin: 0; }
  `,
})
export class TimeOffFormComponent {
  protected readonly store = inject(RequestDraftStore);

  /** The agent's zone: whole days and hours are read on its wall clock. */
  readonly zone = input.required<string>();
  readonly teamZone = input<string | null>(null);
  readonly created = output<ShiftRequestDetail>();

  protected readonly reasons = TIME_OFF_REASONS;
  protected readonly reasonLabels = TIME_OFF_REASON_LABELS;
  protected readonly draft = signal<TimeOffDraft>({ allDay: true, firstDate: '', lastDate: '', date: '', fromTime: '09:00', toTime: '13:00', reason: 'vacation', note: '' });
  private readonly result = computed(() => timeOffBody(this.draft(), this.zone()));
  /** Shown once the user has entered something: an empty form is not an error. */
  private readonly touched = signal(false);
  protected readonly problem = computed(() => {
    const result = this.result();
    return this.touched() && 'problem' in result ? result.problem : '';
  });
  protected readonly problemField = computed(() => {
    const result = this.result();
    return this.touched() && 'field' in result ? result.field : '';
  });
  protected readonly canSend = computed(() => {
    const impact = this.store.impact();
    return 'body' in this.result() && !!impact && !impact.stale && !impact.blockers.length && !this.store.previewing() && !this.store.submitting();
  });

  protected patch(change: Partial<TimeOffDraft>): void {
    this.draft.update((draft) => ({ ...draft, ...change }));
    this.touched.set(true);
    const result = this.result();
    if ('body' in result) void this.store.preview(result.body);
    else this.store.reset();
  }

  /** The note does not change the impact: no new preview. */
  protected setNote(note: string): void {
    this.draft.update((draft) => ({ ...draft, note }));
  }

  protected async send(): Promise<void> {
    const result = this.result();
    if (!('body' in result) || !this.canSend()) return;
    this.store.body.set(result.body);
    const created = await this.store.submit();
    if (created) {
      this.created.emit(created);
      this.store.reset();
      this.draft.update((draft) => ({ ...draft, firstDate: '', lastDate: '', date: '', note: '' }));
      this.touched.set(false);
    }
  }
}
