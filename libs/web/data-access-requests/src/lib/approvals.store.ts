import { computed, inject, Injectable, signal } from '@angular/core';
import type { ListShiftRequestsQuery, RequestAction, RequestApprovalPolicy, ShiftRequest, ShiftRequestDetail, Team } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { NoticesStore } from './notices.store';
import { PendingApprovalsStore } from './pending-approvals.store';
import { describeOutcome } from './request-actions';
import { RequestsApi } from './requests.api';

/** What the inbox lists: waiting for a manager (default), approved (undo-able), declined, or everything. */
export type ApprovalsView = 'waiting' | 'approved' | 'declined' | 'all';

export const APPROVALS_VIEWS: readonly { view: ApprovalsView; label: string }[] = [
  { view: 'waiting', label: 'Waiting for you' },
  { view: 'approved', label: 'Approved' },
  { view: 'declined', label: 'Declined' },
  { view: 'all', label: 'All' },
];

/** Rows per page; each listed request's impact is fetched beside it. */
export const APPROVALS_PAGE_SIZE = 20;

function queryFor(view: ApprovalsView): Partial<ListShiftRequestsQuery> {
  switch (view) {
    case 'waiting':
      return { awaiting: 'manager' };
    case 'approved':
      return { state: 'approved' };
    case 'declined':
      return { state: 'declined' };
    default:
      return {};
  }
}

/**
 * The manager's approvals inbox for one team: requests with their impact inline, one-click
 * approve/decline/undo, and the team's approval policy.
 */
@Injectable()
export class ApprovalsStore {
  private readonly api = inject(RequestsApi);
  private readonly pending = inject(PendingApprovalsStore);
  private readonly notices = inject(NoticesStore);
  private generation = 0;

  readonly teams = signal<Team[]>([]);
  readonly teamId = signal<string | null>(null);
  readonly view = signal<ApprovalsView>('waiting');
  readonly page = signal(1);
  readonly total = signal(0);
  readonly items = signal<ShiftRequest[]>([]);
  /** Fresh details (impact, history) of the listed requests, by id; missing while loading or when the read failed. */
  readonly details = signal<ReadonlyMap<string, ShiftRequestDetail>>(new Map());
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  readonly busy = signal<ReadonlySet<string>>(new Set());
  /** Per request: the last action's failure. */
  readonly rowErrors = signal<ReadonlyMap<string, string>>(new Map());
  readonly actionNotice = signal('');
  readonly policy = signal<RequestApprovalPolicy | null>(null);
  readonly policySaving = signal(false);
  readonly policyError = signal('');

  readonly team = computed(() => this.teams().find((t) => t.id === this.teamId()) ?? null);

  /** Loads the manager's teams and selects `preferred` (or the first), then its inbox. */
  async init(preferred?: string | null, view?: ApprovalsView): Promise<void> {
    if (view) this.view.set(view);
    this.error.set('');
    try {
      const teams = [...(await firstValueFrom(this.api.teams()))].sort((a, b) => a.name.localeCompare(b.name));
      this.teams.set(teams);
      const first = teams.find((t) => t.id === preferred) ?? teams[0];
      if (first) await this.selectTeam(first.id);
      else this.loaded.set(true);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  async selectTeam(teamId: string): Promise<void> {
    this.teamId.set(teamId);
    this.page.set(1);
    this.policy.set(null);
    this.policyError.set('');
    void this.loadPolicy(teamId);
    await this.load();
  }

  async setView(view: ApprovalsView): Promise<void> {
    this.view.set(view);
    this.page.set(1);
    await this.load();
  }

  async setPage(page: number): Promise<void> {
    this.page.set(page);
    await this.load();
  }

  /** Lists the current view, then reads each listed request's detail (impact) in parallel. */
  async load(): Promise<void> {
    const teamId = this.teamId();
    if (!teamId) return;
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set('');
    try {
      const page = await firstValueFrom(this.api.list({ scope: 'team', teamId, ...queryFor(this.view()), page: this.page(), pageSize: APPROVALS_PAGE_SIZE }));
      if (generation !== this.generation) return;
      this.items.set(page.items);
      this.total.set(page.total);
      if (this.view() === 'waiting') this.pending.record(teamId, page.total);
      const details = await Promise.all(page.items.map((item) => firstValueFrom(this.api.get(item.id)).catch(() => null)));
      if (generation !== this.generation) return;
      this.details.set(new Map(details.filter((d): d is ShiftRequestDetail => d !== null).map((d) => [d.id, d])));
      this.loaded.set(true);
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.loading.set(false);
    }
  }

  /** Approve, decline or undo with the version on screen; the list is reloaded either way (a 409 means it moved on). */
  async act(request: ShiftRequest, action: RequestAction, comment?: string): Promise<boolean> {
    this.busy.update((ids) => new Set(ids).add(request.id));
    this.rowErrors.update((errors) => {
      const next = new Map(errors);
      next.delete(request.id);
      return next;
    });
    this.actionNotice.set('');
    let ok = false;
    try {
      const version = this.details().get(request.id)?.version ?? request.version;
      const updated = await firstValueFrom(this.api.act(request.id, action, { version, ...(comment ? { comment } : {}) }));
      this.actionNotice.set(`${updated.requesterName}: ${describeOutcome(action, updated)}`);
      ok = true;
    } catch (failure) {
      const message = toApiError(failure).message;
      this.rowErrors.update((errors) => new Map(errors).set(request.id, message));
    } finally {
      this.busy.update((ids) => {
        const next = new Set(ids);
        next.delete(request.id);
        return next;
      });
    }
    const failed = this.rowErrors().get(request.id);
    await this.load();
    // A failed row may have left the view (someone else decided): keep its message visible.
    if (failed && !this.items().some((r) => r.id === request.id)) this.actionNotice.set(`${request.requesterName}: ${failed}`);
    void this.notices.refresh();
    return ok;
  }

  private async loadPolicy(teamId: string): Promise<void> {
    try {
      const settings = await firstValueFrom(this.api.teamSettings(teamId));
      if (this.teamId() === teamId) this.policy.set(settings.requestApproval ?? 'manager');
    } catch (failure) {
      if (this.teamId() === teamId) this.policyError.set(toApiError(failure).message);
    }
  }

  async setPolicy(policy: RequestApprovalPolicy): Promise<void> {
    const teamId = this.teamId();
    if (!teamId || this.policySaving()) return;
    const previous = this.policy();
    this.policy.set(policy);
    this.policySaving.set(true);
    this.policyError.set('');
    try {
      const settings = await firstValueFrom(this.api.setApprovalPolicy(teamId, policy));
      if (this.teamId() === teamId) this.policy.set(settings.requestApproval);
    } catch (failure) {
      if (this.teamId() === teamId) {
        this.policy.set(previous);
        this.policyError.set(toApiError(failure).message);
      }
    } finally {
      this.policySaving.set(false);
    }
  }
}
