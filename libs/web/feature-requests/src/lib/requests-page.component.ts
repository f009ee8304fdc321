import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { MyRequestsStore, NoticesStore } from '@shiftdesk/web-data-access-requests';
import { EmptyStateComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { RequestCardComponent, type RequestActionEvent } from './request-card.component';
import { TimeOffFormComponent } from './time-off-form.component';

/**
 * The agent's requests: what waits for them (a colleague's swap or give-away: accept or
 * decline), shifts offered to everyone that they can take (first valid taker wins: a 409 says
 * someone was quicker), time off, and everything they filed (cancel while open).
 */
@Component({
  selector: 'sd-requests-page',
  imports: [RouterLink, EmptyStateComponent, SpinnerComponent, RequestCardComponent, TimeOffFormComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Requests</h1>
        <p class="muted">Swaps, give-aways, open shifts and time off. Swap or give away a shift from <a routerLink="/my-shifts">My shifts</a>.</p>
      </div>
      <button type="button" class="btn" [class.btn-primary]="!showTimeOff()" (click)="showTimeOff.set(!showTimeOff())" [attr.aria-expanded]="showTimeOff()" aria-controls="time-off-card" data-testid="time-off-toggle">
        {{ showTimeOff() ? 'Close time off' : 'Ask for time off' }}
      </button>
    </div>

    @if (store.error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ store.error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="store.load()">Try again</button>
      </div>
    }
    @if (store.actionError()) {
      <div class="alert alert-error" role="alert" data-testid="requests-action-error">{{ store.actionError() }}</div>
    }
    @if (store.actionNotice()) {
      <div class="alert alert-success" role="status" data-testid="requests-action-notice">{{ store.actionNotice() }}</div>
    }

    @if (showTimeOff()) {
      <section id="time-off-card" class="card section-card" aria-labelledby="time-off-heading">
        <h2 id="time-off-heading">Ask for time off</h2>
        <sd-time-off-form [zone]="store.zone()" (created)="onTimeOff($event)" />
      </section>
    }

    @if (!store.loaded()) {
      @if (store.loading()) { <sd-spinner label="Loading your requests…" /> }
    } @else {
      <section class="card section-card req-section" aria-labelledby="incoming-heading" data-testid="incoming">
        <h2 id="incoming-heading">Waiting for you <span class="tab-count">{{ store.incoming().length }}</span></h2>
        @for (request of store.incoming(); track request.id) {
          <sd-request-card [request]="request" [zone]="store.zone()" [impact]="store.impacts().get(request.id) ?? null" [busy]="store.busy().has(request.id)" (acted)="act($event)" />
        } @empty {
          <p class="subtle">Nothing waits for you. When a colleague asks you to swap or gives you a shift, it shows up here.</p>
        }
      </section>

      <section class="card section-card req-section" aria-labelledby="open-heading" data-testid="open-shifts">
        <h2 id="open-heading">Open shifts you can take <span class="tab-count">{{ store.takeable().length }}</span></h2>
        @for (request of store.takeable(); track request.id) {
          <sd-request-card [request]="request" [zone]="store.zone()" [impact]="store.impacts().get(request.id) ?? null" [busy]="store.busy().has(request.id)" (acted)="act($event)" />
        } @empty {
          <p class="subtle">No colleague is offering a shift you could take right now.</p>
        }
      </section>

      <section class="card section-card req-section" aria-labelledby="mine-heading" data-testid="my-requests">
        <h2 id="mine-heading">My requests</h2>
        @for (request of store.others(); track request.id) {
          <sd-request-card [request]="request" [zone]="store.zone()" [busy]="store.busy().has(request.id)" (acted)="act($event)" />
        } @empty {
          <sd-empty-state heading="No requests yet" hint="Swap or give away a shift from My shifts, or ask for time off here.">
            <a class="btn btn-ghost" routerLink="/my-shifts">Go to my shifts</a>
          </sd-empty-state>
        }
      </section>
    }
  `,
  styles: `
    .req-section { display: flex; flex-direction: column; gap: 10px; margin-bottom: 16px; }
    .req-section h2 { margin: 0; display: flex; align-items: center; gap: 8px; }
    .tab-count { min-width: 22px; padding: 0 7px; border-radius: 999px; background: var(--surface-sunken); font-size: 12px; text-align: center; color: var(--text-muted); }
  `,
})
export class RequestsPageComponent implements OnInit {
  protected readonly store = inject(MyRequestsStore);
  private readonly notices = inject(NoticesStore);
  protected readonly showTimeOff = signal(false);

  ngOnInit(): void {
    void this.store.load();
  }

  protected act(event: RequestActionEvent): void {
    void this.store.act(event.request, event.action, event.comment || undefined);
  }

  protected onTimeOff(request: ShiftRequestDetail): void {
    this.showTimeOff.set(false);
    this.store.add(request);
    this.store.actionNotice.set(request.state === 'approved' ? 'Time off approved at once: your shifts in it are off the schedule.' : 'Time off requested. A manager approves it next.');
    void this.store.load();
    void this.notices.refresh();
  }
}
