import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AuditEntry } from '@shiftdesk/shared-api-contract';
import { SessionStore } from '@shiftdesk/web-data-access';
import { formatMomentIn, RequestDetailStore } from '@shiftdesk/web-data-access-requests';
import { SpinnerComponent } from '@shiftdesk/web-ui';
import { RequestCardComponent, type RequestActionEvent } from './request-card.component';

/** The verbs of the trail as the screen says them. */
const HISTORY_VERBS: Readonly<Record<string, string>> = {
  created: 'filed it',
  accepted: 'accepted it',
  taken: 'took the shift',
  approved: 'approved it',
  declined: 'declined it',
  cancelled: 'cancelled it',
  expired: 'it expired',
  undone: 'undid it',
};

/** One request: its fresh impact, what the viewer may do, and every state change so far. */
@Component({
  selector: 'sd-request-detail',
  imports: [RouterLink, SpinnerComponent, RequestCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a class="back-link" [routerLink]="backLink()">← {{ isManager() ? 'Approvals' : 'Requests' }}</a>
    @if (store.error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ store.error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="reload()">Try again</button>
      </div>
    }
    @if (store.actionNotice()) {
      <div class="alert alert-success" role="status" data-testid="detail-notice">{{ store.actionNotice() }}</div>
    }
    @if (store.detail(); as detail) {
      <div class="page-header"><h1>Request</h1></div>
      <sd-request-card [request]="detail" [impact]="detail.impact" [zone]="store.viewerZone()" [busy]="store.busy()" [error]="store.actionError()" [withComment]="isManager()" [link]="false" (acted)="act($event)" />
      @if (!detail.impact && detail.state !== 'approved') {
        <p class="subtle">This request is closed: its impact is no longer computed.</p>
      }
      <section class="card section-card history" aria-labelledby="history-title">
        <h2 id="history-title">History</h2>
        <ol class="history-list" data-testid="request-history">
          @for (entry of detail.history; track entry.id) {
            <li><time [attr.datetime]="entry.at">{{ when(entry) }}</time> — <strong>{{ entry.actorName }}</strong> {{ verb(entry) }}@if (entry.comment) { — “{{ entry.comment }}”}</li>
          } @empty {
            <li class="subtle">No history recorded.</li>
          }
        </ol>
      </section>
    } @else if (store.loading()) {
      <sd-spinner label="Loading the request…" />
    }
  `,
  styles: `
    .history { margin-top: 16px; }
    .history-list { margin: 0; padding-left: 20px; display: flex; flex-direction: column; gap: 4px; font-size: 14px; }
    time { font-variant-numeric: tabular-nums; color: var(--text-muted); }
  `,
})
export class RequestDetailComponent {
  protected readonly store = inject(RequestDetailStore);
  private readonly session = inject(SessionStore);

  /** Route parameter (bound by the router). */
  readonly id = input.required<string>();

  protected readonly isManager = this.session.isManager;
  protected readonly backLink = computed(() => (this.isManager() ? '/approvals' : '/requests'));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => void this.store.load(id, this.session.isAgent()));
    });
  }

  protected reload(): void {
    void this.store.load(this.id(), this.session.isAgent());
  }

  protected act(event: RequestActionEvent): void {
    void this.store.act(event.action, event.comment || undefined);
  }

  protected when(entry: AuditEntry): string {
    return formatMomentIn(entry.at, this.store.viewerZone() ?? this.store.detail()?.shift?.timeZone ?? this.store.detail()?.timeOff?.timeZone ?? 'UTC');
  }

  protected verb(entry: AuditEntry): string {
    return HISTORY_VERBS[entry.action] ?? entry.action;
  }
}
