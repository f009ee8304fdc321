import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { toSignal } from '@angular/core/rxjs-interop';
import { CHANNELS, SHIFT_LABEL_MAX_LENGTH, SHIFT_STATUSES, type ApiError, type Channel, type ShiftStatus } from '@shiftdesk/shared-api-contract';
import { formatSpan, ScheduleStore } from '@shiftdesk/web-data-access-schedule';
import { ModalDialogComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS } from '@shiftdesk/web-util';
import { TeamContextStore } from '../shared/team-context.store';
import { draftToRequest, type ShiftDraft } from './shift-draft';
import { describeOverlap } from './shift-move';

export type ShiftDialogOutcome = 'saved' | 'deleted' | 'cancelled';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** Server field names → the dialog's controls. */
const FIELD_CONTROLS: Record<string, keyof ShiftForm['controls']> = { agentId: 'agentId', start: 'startTime', end: 'endTime', channel: 'channel', label: 'label', status: 'status' };

type ShiftForm = FormGroup<{
  agentId: FormControl<string>;
  date: FormControl<string>;
  startTime: FormControl<string>;
  endTime: FormControl<string>;
  channel: FormControl<Channel | ''>;
  label: FormControl<string>;
  status: FormControl<ShiftStatus>;
  locked: FormControl<boolean>;
}>;

/**
 * Create or edit a manual shift in local wall-clock time of one zone (the board's). Saves
 * through the ScheduleStore and shows the API's answer in place: a 409 overlap at the top, a
 * 400's field errors under their fields.
 */
@Component({
  selector: 'sd-shift-dialog',
  imports: [ReactiveFormsModule, ModalDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <sd-modal-dialog [open]="!!draft()" labelledBy="shift-dialog-title" width="520px" testId="shift-dialog" [busy]="busy()" (dismissed)="close('cancelled')">
      <form [formGroup]="form" (ngSubmit)="save()" novalidate>
        <h2 id="shift-dialog-title" class="dialog-title">{{ draft()?.shiftId ? 'Edit shift' : 'Add shift' }}</h2>
        <p class="muted zone-note">Times in <strong>{{ draft()?.zone }}</strong></p>
        @if (formError()) {
          <div class="alert alert-error" role="alert" data-testid="shift-form-error">{{ formError() }}</div>
        }
        <div class="field">
          <label for="shift-agent">Agent</label>
          <select id="shift-agent" formControlName="agentId" [attr.aria-invalid]="invalid('agentId')">
            @for (agent of context.activeAgents(); track agent.id) {
              <option [value]="agent.id">{{ agent.displayName }}</option>
            }
          </select>
          @if (errorOf('agentId'); as e) { <p class="field-error" id="shift-agent-error">{{ e }}</p> }
        </div>
        <div class="shift-times">
          <div class="field">
            <label for="shift-date">Date</label>
            <input id="shift-date" type="date" formControlName="date" [attr.aria-invalid]="invalid('date')" />
            @if (errorOf('date'); as e) { <p class="field-error">{{ e }}</p> }
          </div>
          <div class="field">
            <label for="shift-start">Start</label>
            <input id="shift-start" type="time" formControlName="startTime" [attr.aria-invalid]="invalid('startTime')" />
            @if (errorOf('startTime'); as e) { <p class="field-error" id="shift-start-error">{{ e }}</p> }
          </div>
          <div class="field">
            <label for="shift-end">End</label>
            <input id="shift-end" type="time" formControlName="endTime" [attr.aria-invalid]="invalid('endTime')" />
            @if (errorOf('endTime'); as e) { <p class="field-error" id="shift-end-error">{{ e }}</p> }
          </div>
        </div>
        @if (preview(); as p) { <p class="field-hint shift-preview" data-testid="shift-preview">{{ p }}</p> }
        <div class="shift-times">
          <div class="field">
            <label for="shift-channel">Channel <span class="optional">(optional)</span></label>
            <select id="shift-channel" formControlName="channel">
              <option value="">Any</option>
              @for (channel of channels; track channel) { <option [value]="channel">{{ channelLabels[channel] }}</option> }
            </select>
          </div>
          <div class="field">
            <label for="shift-status">Status</label>
            <select id="shift-status" formControlName="status">
              @for (status of statuses; track status) { <option [value]="status">{{ status === 'draft' ? 'Draft' : 'Published' }}</option> }
            </select>
          </div>
        </div>
        <div class="field checkbox-field">
          <label for="shift-locked">
            <input id="shift-locked" type="checkbox" formControlName="locked" data-testid="shift-locked" />
            Locked <span class="optional">the roster generator keeps this shift and plans around it</span>
          </label>
        </div>
        <div class="field">
          <label for="shift-label">Label <span class="optional">(optional)</span></label>
          <input id="shift-label" type="text" formControlName="label" [maxlength]="labelMaxLength" placeholder="e.g. Early, Phone lead" [attr.aria-invalid]="invalid('label')" />
          @if (errorOf('label'); as e) { <p class="field-error">{{ e }}</p> }
        </div>
        <div class="dialog-actions">
          @if (draft()?.shiftId) {
            <button type="button" class="btn btn-danger-text delete-shift" (click)="remove()" [disabled]="busy()" data-testid="delete-shift">Delete</button>
          }
          <button type="button" class="btn btn-ghost" (click)="close('cancelled')" [disabled]="busy()">Cancel</button>
          <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="save-shift">{{ busy() ? 'Saving…' : draft()?.shiftId ? 'Save changes' : 'Add shift' }}</button>
        </div>
      </form>
    </sd-modal-dialog>
  `,
  styles: `
    .zone-note { margin: -8px 0 16px; }
    .shift-preview { margin: -8px 0 16px; }
    .shift-times { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 0 12px; }
    .delete-shift { margin-right: auto; }
  `,
})
export class ShiftDialogComponent {
  protected readonly context = inject(TeamContextStore);
  private readonly schedule = inject(ScheduleStore);

  /** The shift to edit or create; null closes the dialog. */
  readonly draft = input<ShiftDraft | null>(null);
  readonly closed = output<ShiftDialogOutcome>();

  protected readonly channels = CHANNELS;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly statuses = SHIFT_STATUSES;
  protected readonly busy = signal(false);
  protected readonly formError = signal('');
  private readonly serverErrors = signal<Partial<Record<string, string>>>({});

  protected readonly labelMaxLength = SHIFT_LABEL_MAX_LENGTH;

  protected readonly form: ShiftForm = new FormGroup({
    agentId: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    date: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    startTime: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
    endTime: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
    channel: new FormControl<Channel | ''>('', { nonNullable: true }),
    label: new FormControl('', { nonNullable: true }),
    status: new FormControl<ShiftStatus>('published', { nonNullable: true }),
    locked: new FormControl(false, { nonNullable: true }),
  });
  private readonly value = toSignal(this.form.valueChanges, { initialValue: this.form.getRawValue() });
  private readonly submitted = signal(false);

  /** `Lasts 8 h · 09:00–17:00 CET`: the span as it will be saved. */
  protected readonly preview = computed(() => {
    this.value();
    const result = this.currentRequest();
    if (!result || !result.ok) return '';
    const start = Date.parse(result.request.start);
    const end = Date.parse(result.request.end);
    const hours = Math.round(((end - start) / 3_600_000) * 100) / 100;
    const utc = this.draft()?.zone === 'UTC' ? '' : ` (${formatSpan(start, end, 'UTC')})`;
    return `Lasts ${hours} h · ${formatSpan(start, end, result.request.timeZone)}${utc}`;
  });

  constructor() {
    // A new draft starts a fresh form with no old complaints.
    effect(() => {
      const draft = this.draft();
      if (!draft) return;
      untracked(() => {
        this.form.reset({ agentId: draft.agentId, date: draft.date, startTime: draft.startTime, endTime: draft.endTime, channel: draft.channel ?? '', label: draft.label, status: draft.status, locked: draft.locked });
        this.formError.set('');
        this.serverErrors.set({});
        this.submitted.set(false);
      });
    });
    // An edit clears the server's complaint about that field.
    this.form.valueChanges.subscribe(() => {
      if (Object.keys(this.serverErrors()).length) this.serverErrors.set({});
    });
  }

  protected invalid(name: keyof ShiftForm['controls']): true | null {
    return this.errorOf(name) ? true : null;
  }

  protected errorOf(name: keyof ShiftForm['controls']): string {
    this.value();
    const server = this.serverErrors()[name];
    if (server) return server;
    const control = this.form.controls[name];
    if (!control.errors || !(this.submitted() || control.touched)) return '';
    if (control.errors['required']) return 'Required.';
    if (control.errors['pattern']) return 'Use HH:mm, e.g. 09:00.';
    return '';
  }

  private currentRequest() {
    const draft = this.draft();
    if (!draft || this.form.invalid) return null;
    const v = this.form.getRawValue();
    return draftToRequest({ ...draft, agentId: v.agentId, date: v.date, startTime: v.startTime, endTime: v.endTime, channel: v.channel || null, label: v.label, status: v.status, locked: v.locked });
  }

  async save(): Promise<void> {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    const draft = this.draft();
    const result = this.currentRequest();
    if (!draft || !result) return;
    if (!result.ok) {
      this.serverErrors.set({ [result.field]: result.message });
      return;
    }
    const teamId = this.context.teamId();
    if (!teamId) return;
    this.busy.set(true);
    this.formError.set('');
    try {
      if (draft.shiftId) await this.schedule.updateShift(teamId, draft.shiftId, result.request);
      else await this.schedule.createShift(teamId, result.request);
      this.close('saved');
    } catch (failure) {
      this.showError(failure as ApiError);
    } finally {
      this.busy.set(false);
    }
  }

  async remove(): Promise<void> {
    const draft = this.draft();
    const teamId = this.context.teamId();
    if (!draft?.shiftId || !teamId) return;
    this.busy.set(true);
    try {
      await this.schedule.deleteShift(teamId, draft.shiftId);
      this.close('deleted');
    } catch (failure) {
      this.showError(failure as ApiError);
    } finally {
      this.busy.set(false);
    }
  }

  protected close(outcome: ShiftDialogOutcome): void {
    this.closed.emit(outcome);
  }

  private showError(error: ApiError): void {
    const strip = (field: string, message: string) => message.replace(new RegExp(`^${field}:\\s*`), '');
    // A 409 is about the whole shift (it overlaps another one): said at the top, in the API's words.
    if (error.statusCode === 409) {
      this.serverErrors.set({});
      this.formError.set(describeOverlap(error.message, this.draft()?.zone ?? 'UTC'));
      return;
    }
    const fields: Record<string, string> = {};
    const unmatched: string[] = [];
    for (const field of error.fields ?? []) {
      const control = FIELD_CONTROLS[field.field];
      if (control) fields[control] = strip(field.field, field.message);
      else unmatched.push(field.message);
    }
    this.serverErrors.set(fields);
    // Whatever no field can hold (e.g. the zone) is said at the top.
    this.formError.set(Object.keys(fields).length && !unmatched.length ? '' : unmatched.length ? unmatched.join(' ') : error.message);
  }
}
