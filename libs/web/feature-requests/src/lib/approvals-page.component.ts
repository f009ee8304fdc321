import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit } from '@angular/core';
import type { RequestApprovalPolicy } from '@shiftdesk/shared-api-contract';
import { APPROVALS_PAGE_SIZE, APPROVALS_VIEWS, ApprovalsStore, type ApprovalsView } from '@shiftdesk/web-data-access-requests';
import { EmptyStateComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { countPages, describePageRange } from '@shiftdesk/web-util';
import { RequestCardComponent, type RequestActionEvent } from './request-card.component';

const EMPTY: Record<ApprovalsView, { heading: string; hint: string }> = {
  waiting: { heading: 'Nothing waits for you', hint: 'Swaps, give-aways and time off that need a manager show up here with their impact on the schedule.' },
  approved: { heading: 'Nothing approved yet', hint: 'Approved requests stay here; undo one to put the schedule back.' },
  declined: { heading: 'Nothing declined', hint: 'Requests declined by a manager or a colleague are kept here.' },
  all: { heading: 'No requests yet', hint: 'Agents file swaps, give-aways and time off from their own screens.' },
};

/**
 * The manager's approvals inbox: requests of one team with their impact inline (gaps opened
 * and closed on the team's clock, blockers, warnings), one-click Approve / Decline with an
 * optional comment, Undo on approved ones, and the team's approval policy.
 */
@Component({
  selector: 'sd-approvals-page',
  imports: [EmptyStateComponent, SpinnerComponent, RequestCardComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Approvals</h1>
        <p class="muted">Agents' swaps, give-aways and time off. Each shows what it does to the schedule before you decide.</p>
      </div>
    </div>

    @if (store.error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ store.error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="store.load()">Try again</button>
      </div>
    }
    @if (store.actionNotice()) {
      <div class="alert alert-success" role="status" data-testid="approvals-notice">{{ store.actionNotice() }}</div>
    }

    @if (!store.teams().length) {
      @if (store.loaded()) {
        <sd-empty-state heading="No team yet" hint="Requests belong to a team: create a team first." />
      } @else if (!store.error()) {
        <sd-spinner label="Loading approvals…" />
      }
    } @else {
      <div class="card toolbar" role="group" aria-label="Approvals filters">
        @if (store.teams().length > 1) {
          <label class="tool">
            <span class="tool-label">Team</span>
            <select (change)="selectTeam($any($event.target).value)" data-testid="approvals-team">
              @for (team of store.teams(); track team.id) { <option [value]="team.id" [selected]="team.id === store.teamId()">{{ team.name }}</option> }
            </select>
          </label>
        }
        <div class="tabs" role="group" aria-label="Request state">
          @for (v of views; track v.view) {
            <button type="button" class="tab" [class.active]="v.view === store.view()" [attr.aria-pressed]="v.view === store.view()" (click)="setView(v.view)" [attr.data-testid]="'approvals-tab-' + v.view">
              {{ v.label }}@if (v.view === 'waiting' && store.view() === 'waiting') { <span class="tab-count">{{ store.total() }}</span>}
            </button>
          }
        </div>
        <fieldset class="policy" data-testid="approval-policy">
          <legend class="tool-label">Who approves</legend>
          <label class="radio-row"><input type="radio" class="radio" name="approval-policy" [checked]="store.policy() === 'manager'" [disabled]="store.policy() === null || store.policySaving()" (change)="setPolicy('manager')" data-testid="policy-manager" /> A manager, always</label>
          <label class="radio-row"><input type="radio" class="radio" name="approval-policy" [checked]="store.policy() === 'auto-when-clean'" [disabled]="store.policy() === null || store.policySaving()" (change)="setPolicy('auto-when-clean')" data-testid="policy-auto" /> Automatic when clean (no new gap, no broken rule)</label>
          @if (store.policyError()) { <span class="field-error" role="alert">{{ store.policyError() }}</span> }
        </fieldset>
      </div>

      <section class="approvals" aria-labelledby="approvals-list-title" [attr.aria-busy]="store.loading()" data-testid="approvals-list">
        <h2 id="approvals-list-title" class="visually-hidden">{{ store.team()?.name }}: {{ viewLabel() }}</h2>
        @if (!store.loaded()) {
          @if (!store.error()) { <sd-spinner label="Loading requests…" /> }
        } @else if (!store.items().length) {
          <sd-empty-state [heading]="empty().heading" [hint]="empty().hint" />
        } @else {
          <p class="subtle zone-line">Gap times in {{ zone() }} (the team's zone). {{ range() }}</p>
          <div class="approval-list" [class.is-stale]="store.loading()">
            @for (request of store.items(); track request.id) {
              <sd-request-card [request]="request" [impact]="store.details().get(request.id)?.impact ?? null" [impactLoading]="store.loading() && !store.details().has(request.id)"
                               [zone]="zone()" [teamZone]="zone()" [busy]="store.busy().has(request.id)" [error]="store.rowErrors().get(request.id) ?? ''" [withComment]="true" (acted)="act($event)" />
            }
          </div>
          @if (pages() > 1) {
            <div class="pager">
              <button type="button" class="btn btn-ghost btn-small" [disabled]="store.page() <= 1" (click)="store.setPage(store.page() - 1)">Previous</button>
              <span class="pager-status">Page {{ store.page() }} of {{ pages() }}</span>
              <button type="button" class="btn btn-ghost btn-small" [disabled]="store.page() >= pages()" (click)="store.setPage(store.page() + 1)">Next</button>
            </div>
          }
        }
      </section>
    }
  `,
  styles: `
    .toolbar { display: flex; flex-wrap: wrap; align-items: center; gap: 12px 24px; padding: 10px 16px; margin-bottom: 16px; }
    .tool { display: flex; align-items: center; gap: 8px; }
    .tool-label { font-size: 13px; color: var(--text-muted); font-weight: 600; }
    .tabs { display: flex; flex-wrap: wrap; gap: 4px; }
    .tab { display: inline-flex; align-items: center; gap: 6px; padding: 6px 12px; border: 0; border-radius: var(--radius-small); background: none; color: var(--text-muted); font: inherit; font-weight: 600; font-size: 14px; cursor: pointer; }
    .tab:hover { background: var(--surface-sunken); color: var(--text); }
    .tab.active { background: var(--accent-soft); color: var(--accent-text); }
    .tab-count { min-width: 22px; padding: 0 7px; border-radius: 999px; background: var(--surface); font-size: 12px; text-align: center; }
    .policy { border: 0; margin: 0 0 0 auto; padding: 0; display: flex; flex-wrap: wrap; align-items: center; gap: 4px 14px; font-size: 14px; }
    .policy legend { float: left; margin-right: 8px; }
    .approval-list { display: flex; flex-direction: column; gap: 10px; transition: opacity 0.15s; }
    .approval-list.is-stale { opacity: 0.6; }
    .zone-line { margin: 0 0 8px; }
    @media (max-width: 900px) { .policy { margin-left: 0; } }
  `,
})
export class ApprovalsPageComponent implements OnInit {
  protected readonly store = inject(ApprovalsStore);

  /** Query parameters (bound by the router). */
  readonly team = input<string | undefined>();
  readonly view = input<string | undefined>();

  protected readonly views = APPROVALS_VIEWS;
  protected readonly zone = computed(() => this.store.team()?.timeZone ?? 'UTC');
  protected readonly empty = computed(() => EMPTY[this.store.view()]);
  protected readonly viewLabel = computed(() => APPROVALS_VIEWS.find((v) => v.view === this.store.view())?.label ?? '');
  protected readonly pages = computed(() => countPages(APPROVALS_PAGE_SIZE, this.store.total()));
  protected readonly range = computed(() => describePageRange(this.store.page(), APPROVALS_PAGE_SIZE, this.store.total()));

  ngOnInit(): void {
    const view = APPROVALS_VIEWS.find((v) => v.view === this.view())?.view;
    void this.store.init(this.team(), view);
  }

  protected selectTeam(teamId: string): void {
    void this.store.selectTeam(teamId);
  }

  protected setView(view: ApprovalsView): void {
    void this.store.setView(view);
  }

  protected setPolicy(policy: RequestApprovalPolicy): void {
    void this.store.setPolicy(policy);
  }

  protected act(event: RequestActionEvent): void {
    void this.store.act(event.request, event.action, event.comment || undefined);
  }
}
