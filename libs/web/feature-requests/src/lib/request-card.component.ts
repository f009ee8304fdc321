import { ChangeDetectionStrategy, Component, computed, input, output, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { RequestAction, RequestImpact, RequestState, ShiftRequest } from '@shiftdesk/shared-api-contract';
import { formatMomentIn, formatRequestShift, formatTimeOff, orderedActions } from '@shiftdesk/web-data-access-requests';
import { BadgeComponent, type BadgeTone, RequestImpactComponent } from '@shiftdesk/web-ui';
import { describeAwaiting, describeRequest, REQUEST_ACTION_LABELS, REQUEST_KIND_LABELS, REQUEST_STATE_LABELS } from '@shiftdesk/web-util';

const STATE_TONES: Record<RequestState, BadgeTone> = {
  pending: 'warning',
  accepted: 'info',
  approved: 'success',
  declined: 'muted',
  cancelled: 'muted',
  expired: 'muted',
  undone: 'muted',
};

export interface RequestActionEvent {
  request: ShiftRequest;
  action: RequestAction;
  comment: string;
}

/**
 * One request: who, what (the shifts or the time off on the viewer's clock), its state and whose
 * move it is, optionally its impact, and a button for each action the API allows the viewer now.
 */
@Component({
  selector: 'sd-request-card',
  imports: [RouterLink, BadgeComponent, RequestImpactComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let r = request();
    <article class="request" [class.request-open]="isOpen()" data-testid="request-item" [attr.data-request-id]="r.id" [attr.data-state]="r.state" [attr.aria-labelledby]="'request-title-' + r.id">
      <header class="request-head">
        <span class="request-kind">{{ kindLabels[r.kind] }}</span>
        <h3 class="request-title" [id]="'request-title-' + r.id">
          @if (link()) { <a [routerLink]="['/requests', r.id]" data-testid="request-link">{{ r.requesterName }} · {{ summary() }}</a> } @else { {{ r.requesterName }} · {{ summary() }} }
        </h3>
        <sd-badge [tone]="stateTones[r.state]" data-testid="request-state">{{ stateLabels[r.state] }}</sd-badge>
      </header>
      <dl class="request-facts">
        @if (r.shift; as shift) {
          <dt>{{ r.kind === 'swap' ? r.requesterName + ' gives' : 'Shift' }}</dt>
          <dd data-testid="request-shift">{{ shiftText(shift) }}@if (shift.label) { · {{ shift.label }}}</dd>
        }
        @if (r.targetShift; as shift) {
          <dt>{{ r.targetName ?? 'Colleague' }} gives</dt>
          <dd data-testid="request-target-shift">{{ shiftText(shift) }}@if (shift.label) { · {{ shift.label }}}</dd>
        }
        @if (r.timeOff; as timeOff) {
          <dt>Time off</dt>
          <dd data-testid="request-time-off">{{ timeOffText() }}</dd>
        }
        @if (r.note) {
          <dt>Note</dt>
          <dd class="request-note">{{ r.note }}</dd>
        }
        @if (r.decidedByName) {
          <dt>Decided by</dt>
          <dd>{{ r.decidedByName }}@if (r.decisionComment) { — “{{ r.decisionComment }}”}</dd>
        }
      </dl>
      @if (awaiting()) {
        <p class="request-awaiting" data-testid="request-awaiting">{{ awaiting() }}@if (isOpen()) { · expires {{ expires() }}}</p>
      }
      @if (impact(); as impact) {
        @if (r.state === 'approved') {
          <p class="request-awaiting">What the approved change did to the schedule@if (r.actions.includes('undo')) {; Undo reverses it}.</p>
        }
        <sd-request-impact [impact]="impact" [teamZone]="teamZone()" />
      } @else if (impactLoading()) {
        <p class="subtle">Checking the impact…</p>
      }
      @if (error()) {
        <div class="alert alert-error" role="alert" data-testid="request-error">{{ error() }}</div>
      }
      @if (actions().length) {
        <div class="request-actions">
          @if (withComment()) {
            <label class="request-comment">
              <span class="visually-hidden">Comment for {{ r.requesterName }} (optional)</span>
              <input type="text" maxlength="500" placeholder="Comment (optional)" [value]="comment()" (input)="comment.set($any($event.target).value)" data-testid="request-comment" />
            </label>
          }
          @for (action of actions(); track action) {
            <button type="button" class="btn btn-small" [class.btn-primary]="action === 'approve' || action === 'accept' || action === 'take'" [class.btn-danger-text]="action === 'decline' || action === 'cancel' || action === 'undo'"
                    [disabled]="busy() || (blocked() && (action === 'approve' || action === 'accept' || action === 'take'))" (click)="act(action)"
                    [attr.data-testid]="'request-' + action" [attr.aria-label]="actionLabels[action] + ': ' + r.requesterName + ', ' + summary()">
              {{ busy() ? 'Working…' : actionLabels[action] }}
            </button>
          }
        </div>
      }
    </article>
  `,
  styles: `
    .request { display: flex; flex-direction: column; gap: 6px; padding: 12px 14px; border: 1px solid var(--border); border-left: 4px solid var(--border-strong); border-radius: var(--radius-small); background: var(--surface); }
    .request-open { border-left-color: var(--warning); }
    .request-head { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 10px; }
    .request-kind { font-size: 12px; font-weight: 700; letter-spacing: 0.05em; text-transform: uppercase; color: var(--text-subtle); }
    .request-title { flex: 1 1 200px; margin: 0; font-size: 15px; }
    .request-title a { color: inherit; }
    .request-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 2px 12px; margin: 0; font-size: 14px; }
    .request-facts dt { color: var(--text-muted); }
    .request-facts dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
    .request-note { font-style: italic; }
    .request-awaiting { margin: 0; font-size: 13px; color: var(--text-muted); }
    .request-actions { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
    .request-comment { flex: 1 1 200px; }
    .request-comment input { width: 100%; }
    @media (max-width: 480px) { .request-facts { grid-template-columns: 1fr; } .request-facts dd { margin-bottom: 4px; } }
  `,
})
export class RequestCardComponent {
  readonly request = input.required<ShiftRequest>();
  /** The zone the viewer reads times in; each shift's own zone when null. */
  readonly zone = input<string | null>(null);
  readonly teamZone = input<string | null>(null);
  readonly impact = input<RequestImpact | null>(null);
  readonly impactLoading = input(false);
  readonly busy = input(false);
  readonly error = input('');
  /** Shows a comment box beside the buttons (managers' decisions). */
  readonly withComment = input(false);
  /** Links the title to the request's page. */
  readonly link = input(true);
  readonly acted = output<RequestActionEvent>();

  protected readonly comment = signal('');
  protected readonly kindLabels = REQUEST_KIND_LABELS;
  protected readonly stateLabels = REQUEST_STATE_LABELS;
  protected readonly stateTones = STATE_TONES;
  protected readonly actionLabels = REQUEST_ACTION_LABELS;
  protected readonly summary = computed(() => describeRequest(this.request()));
  protected readonly awaiting = computed(() => describeAwaiting(this.request()));
  protected readonly actions = computed(() => orderedActions(this.request()));
  protected readonly isOpen = computed(() => this.request().state === 'pending' || this.request().state === 'accepted');
  /** A known blocker or a stale shift: saying yes would be refused, so those buttons are disabled (no/cancel stay). */
  protected readonly blocked = computed(() => {
    const impact = this.impact();
    return !!impact && (impact.stale || impact.blockers.length > 0);
  });
  protected readonly timeOffText = computed(() => {
    const timeOff = this.request().timeOff;
    return timeOff ? formatTimeOff(timeOff) : '';
  });
  protected readonly expires = computed(() => {
    const zone = this.zone() ?? this.request().shift?.timeZone ?? this.request().timeOff?.timeZone ?? 'UTC';
    return formatMomentIn(this.request().expiresAt, zone);
  });

  protected shiftText(shift: NonNullable<ShiftRequest['shift']>): string {
    return formatRequestShift(shift, this.zone() ?? undefined);
  }

  protected act(action: RequestAction): void {
    this.acted.emit({ request: this.request(), action, comment: this.comment().trim() });
  }
}
