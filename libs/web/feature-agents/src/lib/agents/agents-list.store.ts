import { computed, inject, Injectable, signal } from '@angular/core';
import type { Agent, Channel, DeleteAgentResponse, ListAgentsQuery, Page, WorkMode } from '@shiftdesk/shared-api-contract';
import { AgentsApi } from '@shiftdesk/web-data-access';
import { countPages, describePageRange, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom, type Subscription } from 'rxjs';

/** The list's filters as the form holds them: '' means "any". */
export interface AgentFilters {
  search: string;
  teamId: string;
  language: string;
  channel: Channel | '';
  workMode: WorkMode | '';
  includeArchived: boolean;
}

export const NO_FILTERS: AgentFilters = { search: '', teamId: '', language: '', channel: '', workMode: '', includeArchived: false };

export const AGENTS_PAGE_SIZE = 25;

/** Builds the API query: empty filters are left out, `includeArchived` only when on. */
export function toAgentsQuery(filters: AgentFilters, page: number, pageSize = AGENTS_PAGE_SIZE): ListAgentsQuery {
  const query: ListAgentsQuery = { page, pageSize };
  const search = filters.search.trim();
  if (search) query.search = search;
  if (filters.teamId) query.teamId = filters.teamId;
  if (filters.language) query.language = filters.language;
  if (filters.channel) query.channel = filters.channel;
  if (filters.workMode) query.workMode = filters.workMode;
  if (filters.includeArchived) query.includeArchived = true;
  return query;
}

/** A notice after an action, shown in a polite live region above the list. */
export interface ListNotice {
  tone: 'success' | 'info';
  text: string;
}

/**
 * State of the agents list: filters, page, the current page of agents, loading and errors.
 * Only the latest request counts: a new filter cancels the one in flight.
 */
@Injectable()
export class AgentsListStore {
  private readonly api = inject(AgentsApi);
  private inFlight: Subscription | null = null;

  readonly filters = signal<AgentFilters>(NO_FILTERS);
  readonly page = signal(1);
  readonly result = signal<Page<Agent> | null>(null);
  readonly loading = signal(false);
  readonly error = signal('');
  readonly notice = signal<ListNotice | null>(null);

  readonly agents = computed(() => this.result()?.items ?? []);
  readonly total = computed(() => this.result()?.total ?? 0);
  readonly pageCount = computed(() => countPages(this.result()?.pageSize ?? AGENTS_PAGE_SIZE, this.total()));
  readonly range = computed(() => describePageRange(this.page(), this.result()?.pageSize ?? AGENTS_PAGE_SIZE, this.total()));
  readonly filtered = computed(() => {
    const f = this.filters();
    return !!(f.search.trim() || f.teamId || f.language || f.channel || f.workMode || f.includeArchived);
  });
  /** The desk has no agents at all (not: these filters match none). */
  readonly deskEmpty = computed(() => this.result() !== null && this.total() === 0 && !this.filtered());

  load(): void {
    this.inFlight?.unsubscribe();
    this.loading.set(true);
    this.error.set('');
    this.inFlight = this.api.list(toAgentsQuery(this.filters(), this.page())).subscribe({
      next: (page) => {
        this.result.set(page);
        this.loading.set(false);
        // A delete can leave the last page empty: step back to a page that exists.
        if (page.items.length === 0 && this.page() > 1 && page.total > 0) {
          this.page.set(countPages(page.pageSize, page.total));
          this.load();
        }
      },
      error: (failure: unknown) => {
        this.error.set(toApiError(failure).message);
        this.loading.set(false);
      },
    });
  }

  updateFilters(patch: Partial<AgentFilters>): void {
    this.filters.update((current) => ({ ...current, ...patch }));
    this.page.set(1);
    this.load();
  }

  clearFilters(): void {
    this.filters.set(NO_FILTERS);
    this.page.set(1);
    this.load();
  }

  goToPage(page: number): void {
    const target = Math.min(Math.max(1, page), this.pageCount());
    if (target === this.page()) return;
    this.page.set(target);
    this.load();
  }

  /** Deletes or archives `agent` (the server decides) and says which; rejects with the HTTP error. */
  async remove(agent: Agent): Promise<DeleteAgentResponse> {
    const response = await firstValueFrom(this.api.remove(agent.id));
    this.notice.set(
      response.outcome === 'archived'
        ? { tone: 'info', text: `${agent.displayName} was archived: they have shifts, so their history is kept. Tick “Include archived” to see them.` }
        : { tone: 'success', text: `${agent.displayName} was deleted.` },
    );
    this.load();
    return response;
  }
}
