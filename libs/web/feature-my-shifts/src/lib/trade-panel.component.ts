import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, output, signal } from '@angular/core';
import type { CreateShiftRequestBody, ScheduledShift, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { ColleaguesStore, formatShiftIn, RequestDraftStore } from '@shiftdesk/web-data-access-requests';
import { RequestImpactComponent, SpinnerComponent } from '@shiftdesk/web-ui';

export type TradeMode = 'swap' | 'give-away';

/**
 * Swap or give away one of my upcoming shifts: pick a colleague (and, for a swap, one of their
 * upcoming published shifts) or offer it to everyone eligible, see the server's impact preview,
 * then send. Blockers keep Send disabled; a gap it would open is shown as "needs a manager".
 */
@Component({
  selector: 'sd-trade-panel',
  imports: [RequestImpactComponent, SpinnerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [RequestDraftStore],
  template: `
    <form class="trade" (submit)="$event.preventDefault(); send()" [attr.aria-label]="heading()" data-testid="trade-panel">
      <h3 class="trade-title">{{ heading() }}</h3>
        @if (colleagues.error()) {
          <div class="alert alert-error" role="alert">{{ colleagues.error() }}</div>
        }
        @if (mode() === 'give-away') {
          <fieldset class="trade-choice">
            <legend class="visually-hidden">Who gets the shift</legend>
            <label class="radio-row"><input type="radio" name="give-to" class="radio" value="named" [checked]="!offer()" (change)="setOffer(false)" data-testid="give-named" /> A colleague I name</label>
            <label class="radio-row"><input type="radio" name="give-to" class="radio" value="offer" [checked]="offer()" (change)="setOffer(true)" data-testid="give-offer" /> Offer it to everyone who can take it</label>
          </fieldset>
        }
        @if (mode() === 'swap' || !offer()) {
          <label class="field">
            <span>Colleague</span>
            <select (change)="pickColleague($any($event.target).value)" [disabled]="colleagues.loading()" data-testid="trade-colleague">
              <option value="" [selected]="!colleagueId()">{{ colleagues.loading() ? 'Loading colleagues…' : 'Choose a colleague' }}</option>
              @for (agent of colleagues.colleagues(); track agent.id) {
                <option [value]="agent.id" [selected]="agent.id === colleagueId()">{{ agent.displayName }} ({{ agent.timeZone }})</option>
              }
            </select>
            @if (draft.fieldErrors()['targetAgentId']; as message) { <span class="field-error">{{ message }}</span> }
          </label>
        }
        @if (mode() === 'swap' && colleagueId()) {
          <label class="field">
            <span>Their shift you take in return</span>
            <select (change)="pickTheirShift($any($event.target).value)" data-testid="trade-their-shift">
              <option value="" [selected]="!theirShiftId()">{{ theirShifts().length ? 'Choose one of their shifts' : 'They have no upcoming published shift' }}</option>
              @for (shift of theirShifts(); track shift.id) {
                <option [value]="shift.id" [selected]="shift.id === theirShiftId()">{{ label(shift) }}</option>
              }
            </select>
            @if (draft.fieldErrors()['targetShiftId']; as message) { <span class="field-error">{{ message }}</span> }
          </label>
        }
        <label class="field">
          <span>Note <span class="optional">(optional)</span></span>
          <textarea rows="2" maxlength="500" [value]="note()" (input)="note.set($any($event.target).value)" data-testid="trade-note"></textarea>
        </label>

        <div class="trade-impact" aria-live="polite">
          @if (draft.previewing()) {
            <sd-spinner label="Checking the impact…" />
          } @else if (draft.previewError()) {
            <div class="alert alert-error" role="alert" data-testid="trade-preview-error">{{ draft.previewError() }}</div>
          } @else if (draft.impact(); as impact) {
            <sd-request-impact [impact]="impact" [teamZone]="teamZone()" />
          } @else {
            <p class="subtle">{{ mode() === 'swap' ? 'Choose a colleague and one of their shifts to see the impact.' : offer() ? 'Checking…' : 'Choose a colleague to see the impact.' }}</p>
          }
        </div>
        @if (draft.submitError()) {
          <div class="alert alert-error" role="alert" data-testid="trade-error">{{ draft.submitError() }}</div>
        }
        <div class="form-actions">
          <button type="button" class="btn btn-ghost" (click)="closed.emit()">Cancel</button>
          <button type="submit" class="btn btn-primary" [disabled]="!canSend()" data-testid="trade-send">{{ draft.submitting() ? 'Sending…' : 'Send request' }}</button>
        </div>
    </form>
  `,
  styles: `
    .trade { display: flex; flex-direction: column; gap: 10px; padding: 14px; margin-top: 8px; border: 1px solid var(--border); border-radius: var(--radius-small); background: var(--surface-sunken); }
    .trade-title { font-size: 15px; }
    .trade-choice { border: 0; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 4px; }
    .trade .field select, .trade .field textarea { width: 100%; }
    .trade .form-actions { margin: 0; }
  `,
})
export class TradePanelComponent implements OnInit {
  protected readonly colleagues = inject(ColleaguesStore);
  protected readonly draft = inject(RequestDraftStore);

  readonly shift = input.required<ScheduledShift>();
  readonly mode = input.required<TradeMode>();
  readonly teamId = input.required<string>();
  readonly myAgentId = input.required<string>();
  /** The agent's zone (their shifts read in it) and the team's. */
  readonly zone = input.required<string>();
  readonly teamZone = input<string | null>(null);
  /** Epoch ms: the colleague's shifts offered are the ones after it. */
  readonly now = input.required<number>();
  readonly closed = output<void>();
  readonly created = output<ShiftRequestDetail>();

  protected readonly colleagueId = signal('');
  protected readonly theirShiftId = signal('');
  protected readonly offer = signal(false);
  protected readonly note = signal('');

  protected readonly heading = computed(() => `${this.mode() === 'swap' ? 'Swap' : 'Give away'} ${formatShiftIn(this.shift().start, this.shift().end, this.zone())}`);
  protected readonly theirShifts = computed(() => (this.colleagueId() ? this.colleagues.upcomingOf(this.colleagueId(), this.now()) : []));
  private readonly body = computed<CreateShiftRequestBody | null>(() => {
    const shiftId = this.shift().id;
    if (this.mode() === 'swap') {
      return this.colleagueId() && this.theirShiftId() ? { kind: 'swap', shiftId, targetAgentId: this.colleagueId(), targetShiftId: this.theirShiftId() } : null;
    }
    if (this.offer()) return { kind: 'give-away', shiftId, offer: true };
    return this.colleagueId() ? { kind: 'give-away', shiftId, targetAgentId: this.colleagueId() } : null;
  });
  protected readonly canSend = computed(() => {
    const impact = this.draft.impact();
    return !!impact && !!this.draft.body() && !impact.stale && impact.blockers.length === 0 && !this.draft.submitting() && !this.draft.previewing();
  });

  ngOnInit(): void {
    void this.colleagues.load(this.teamId(), this.myAgentId(), this.now());
  }

  protected label(shift: ScheduledShift): string {
    const own = formatShiftIn(shift.start, shift.end, this.zone());
    return shift.label ? `${own} · ${shift.label}` : own;
  }

  protected setOffer(offer: boolean): void {
    this.offer.set(offer);
    this.refresh();
  }

  protected pickColleague(agentId: string): void {
    this.colleagueId.set(agentId);
    this.theirShiftId.set('');
    this.refresh();
  }

  protected pickTheirShift(shiftId: string): void {
    this.theirShiftId.set(shiftId);
    this.refresh();
  }

  /** Previews the draft as soon as it is complete; an incomplete one clears the preview. */
  private refresh(): void {
    const body = this.body();
    if (body) void this.draft.preview(body);
    else this.draft.reset();
  }

  protected async send(): Promise<void> {
    if (!this.canSend()) return;
    const note = this.note().trim();
    const body = this.draft.body();
    if (body && note) this.draft.body.set({ ...body, note });
    const created = await this.draft.submit();
    if (created) this.created.emit(created);
  }
}
