import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { ApiError, ScheduledShift } from '@shiftdesk/shared-api-contract';
import { formatDayLabel, formatSpan, ScheduleStore } from '@shiftdesk/web-data-access-schedule';
import { ModalDialogComponent } from '@shiftdesk/web-ui';
import { TeamContextStore } from '../shared/team-context.store';
import { formatClock, instantToLocalDate } from './draft-time';
import { draftToRequest, newDraft } from './shift-draft';

/** The rotation shift to cover, read in the board's zone for that row. */
export interface OverrideTarget {
  shift: ScheduledShift;
  zone: string;
}

/** What happened, for the board's notice. */
export type OverrideDialogOutcome = { saved: true; message: string } | { saved: false };

/**
 * Someone covers a rotation's shift, all of it or a part (the on-call "override"): a rotation
 * shift cannot be edited or dragged, because the rotation makes it again every week; an override
 * puts another agent on that span only. Saved as `POST …/overrides` for that rotation and that
 * agent's turn; the API's refusal shows here.
 */
@Component({
  selector: 'sd-override-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent],
  template: `
    <sd-modal-dialog [open]="!!target()" labelledBy="override-dialog-title" width="480px" testId="override-dialog" [busy]="busy()" (dismissed)="cancel()">
      @if (target(); as t) {
        <form (submit)="$event.preventDefault(); save()" novalidate>
          <h2 id="override-dialog-title" class="dialog-title">Cover this rotation shift</h2>
          <p class="muted">
            {{ agentName() }} · {{ dayLabel() }} {{ span() }}. The rotation stays as it is; for this span only, someone else is on shift.
          </p>
          @if (formError()) {
            <div class="alert alert-error" role="alert" data-testid="override-error">{{ formError() }}</div>
          }
          <div class="field">
            <label for="override-agent">Covered by</label>
            <select id="override-agent" [value]="agentId()" (change)="agentId.set($any($event.target).value)" [attr.aria-invalid]="agentError() ? true : null">
              <option value="" disabled>Choose an agent</option>
              @for (agent of candidates(); track agent.id) {
                <option [value]="agent.id" [selected]="agent.id === agentId()">{{ agent.displayName }}</option>
              }
            </select>
            @if (agentError(); as e) { <p class="field-error" data-testid="override-agent-error">{{ e }}</p> }
          </div>
          <div class="override-times">
            <div class="field">
              <label for="override-start">From</label>
              <input id="override-start" type="time" [value]="startTime()" (input)="startTime.set($any($event.target).value)" />
            </div>
            <div class="field">
              <label for="override-end">To</label>
              <input id="override-end" type="time" [value]="endTime()" (input)="endTime.set($any($event.target).value)" />
            </div>
          </div>
          <p class="field-hint">Times in <strong>{{ t.zone }}</strong>; the whole shift unless you shorten it.</p>
          <div class="dialog-actions">
            <button type="button" class="btn btn-ghost" (click)="cancel()" [disabled]="busy()">Cancel</button>
            <button type="submit" class="btn btn-primary" [disabled]="busy()" data-testid="save-override">{{ busy() ? 'Saving…' : 'Cover the shift' }}</button>
          </div>
        </form>
      }
    </sd-modal-dialog>
  `,
  styles: `
    .override-times { display: grid; grid-template-columns: repeat(auto-fit, minmax(130px, 1fr)); gap: 0 12px; }
  `,
})
export class OverrideDialogComponent {
  protected readonly context = inject(TeamContextStore);
  private readonly schedule = inject(ScheduleStore);

  /** The shift to cover; null closes the dialog. */
  readonly target = input<OverrideTarget | null>(null);
  readonly closed = output<OverrideDialogOutcome>();

  protected readonly agentId = signal('');
  protected readonly startTime = signal('');
  protected readonly endTime = signal('');
  protected readonly busy = signal(false);
  protected readonly formError = signal('');
  protected readonly agentError = signal('');

  protected readonly agentName = computed(() => {
    const shift = this.target()?.shift;
    return shift ? (this.context.agentsById().get(shift.agentId)?.displayName ?? 'An agent') : '';
  });
  protected readonly dayLabel = computed(() => {
    const t = this.target();
    return t ? formatDayLabel(instantToLocalDate(Date.parse(t.shift.start), t.zone)) : '';
  });
  protected readonly span = computed(() => {
    const t = this.target();
    return t ? formatSpan(Date.parse(t.shift.start), Date.parse(t.shift.end), t.zone) : '';
  });
  /** Anyone active but the agent whose turn it is. */
  protected readonly candidates = computed(() => this.context.activeAgents().filter((agent) => agent.id !== this.target()?.shift.agentId));

  /** A new target starts a fresh form: the whole shift, nobody chosen yet. */
  private readonly reset = effect(() => {
    const t = this.target();
    if (!t) return;
    untracked(() => {
      this.agentId.set('');
      this.startTime.set(formatClock(Date.parse(t.shift.start), t.zone));
      this.endTime.set(formatClock(Date.parse(t.shift.end), t.zone));
      this.formError.set('');
      this.agentError.set('');
    });
  });

  async save(): Promise<void> {
    const t = this.target();
    const teamId = this.context.teamId();
    if (!t || !teamId) return;
    this.formError.set('');
    this.agentError.set('');
    if (!this.agentId()) {
      this.agentError.set('Choose who covers the shift.');
      return;
    }
    // The span on the shift's first local day; an end at or before the start is the next day.
    const date = instantToLocalDate(Date.parse(t.shift.start), t.zone);
    const span = draftToRequest({ ...newDraft({ agentId: this.agentId(), date, zone: t.zone }), startTime: this.startTime(), endTime: this.endTime() });
    if (!span.ok) {
      this.formError.set(span.message);
      return;
    }
    this.busy.set(true);
    try {
      await this.schedule.createOverride(teamId, {
        agentId: this.agentId(),
        start: span.request.start,
        end: span.request.end,
        timeZone: t.zone,
        rotationId: t.shift.rotationId,
        replacesAgentId: t.shift.agentId,
      });
      const by = this.context.agentsById().get(this.agentId())?.displayName ?? 'An agent';
      const spanText = formatSpan(Date.parse(span.request.start), Date.parse(span.request.end), t.zone);
      this.closed.emit({ saved: true, message: `${by} covers ${this.agentName()}'s shift, ${this.dayLabel()} ${spanText}.` });
    } catch (failure) {
      const error = failure as ApiError;
      const agentField = error.fields?.find((field) => field.field === 'agentId');
      if (agentField) this.agentError.set(agentField.message.replace(/^agentId:\s*/, ''));
      else this.formError.set(error.message);
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    if (!this.busy()) this.closed.emit({ saved: false });
  }
}
