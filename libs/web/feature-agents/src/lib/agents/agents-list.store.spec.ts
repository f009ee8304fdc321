import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { Agent } from '@shiftdesk/shared-api-contract';
import { AgentsListStore, NO_FILTERS, toAgentsQuery } from './agents-list.store';

function agent(id: string, name: string): Agent {
  return {
    id, teamId: 't1', displayName: name, timeZone: 'Europe/Lisbon', languages: [], channels: [], active: true, email: `${id}@desk.test`,
    regionId: null, regionName: null, workMode: 'remote', contractHoursPerWeek: 40, availability: null, archivedAt: null, hasLogin: false, passwordExpiresAt: null,
    createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
  };
}

describe('toAgentsQuery', () => {
  it('leaves out empty filters and sends the rest', () => {
    expect(toAgentsQuery(NO_FILTERS, 1)).toEqual({ page: 1, pageSize: 25 });
    expect(toAgentsQuery({ ...NO_FILTERS, search: '  anna ', language: 'fr', channel: 'phone', includeArchived: true }, 3)).toEqual({
      page: 3, pageSize: 25, search: 'anna', language: 'fr', channel: 'phone', includeArchived: true,
    });
  });
});

describe('AgentsListStore', () => {
  let store: AgentsListStore;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [AgentsListStore, provideHttpClient(), provideHttpClientTesting()] });
    store = TestBed.inject(AgentsListStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('tells an empty desk from filters that match nobody', () => {
    store.load();
    expect(store.loading()).toBe(true);
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [], total: 0, page: 1, pageSize: 25 });
    expect(store.deskEmpty()).toBe(true);

    store.updateFilters({ search: 'zz' });
    const request = http.expectOne((r) => r.url === '/api/agents');
    expect(request.request.params.get('search')).toBe('zz');
    request.flush({ items: [], total: 0, page: 1, pageSize: 25 });
    expect(store.deskEmpty()).toBe(false);
    expect(store.loading()).toBe(false);
  });

  it('keeps only the latest answer when filters change quickly', () => {
    store.updateFilters({ search: 'a' });
    store.updateFilters({ search: 'an' });
    const [first, second] = http.match((r) => r.url === '/api/agents');
    expect(first.cancelled).toBe(true);
    second.flush({ items: [agent('a1', 'Anna Petrova')], total: 1, page: 1, pageSize: 25 });
    expect(store.agents().map((a) => a.displayName)).toEqual(['Anna Petrova']);
  });

  it('goes back to page 1 when a filter changes and reports the range', () => {
    store.load();
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [agent('a1', 'A')], total: 60, page: 1, pageSize: 25 });
    store.goToPage(3);
    const page3 = http.expectOne((r) => r.url === '/api/agents');
    expect(page3.request.params.get('page')).toBe('3');
    page3.flush({ items: [agent('a51', 'Z')], total: 60, page: 3, pageSize: 25 });
    expect(store.range()).toBe('Showing 51–60 of 60');
    store.updateFilters({ channel: 'chat' });
    expect(http.expectOne((r) => r.url === '/api/agents').request.params.get('page')).toBe('1');
  });

  it('says whether the server archived or deleted the agent, then reloads', async () => {
    const removal = store.remove(agent('a1', 'Anna Petrova'));
    http.expectOne({ method: 'DELETE', url: '/api/agents/a1' }).flush({ outcome: 'archived' });
    await removal;
    expect(store.notice()?.text).toMatch(/^Anna Petrova was archived/);
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [], total: 0, page: 1, pageSize: 25 });

    const second = store.remove(agent('a2', 'Bob Ivanov'));
    http.expectOne({ method: 'DELETE', url: '/api/agents/a2' }).flush({ outcome: 'deleted' });
    await second;
    expect(store.notice()?.text).toBe('Bob Ivanov was deleted.');
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [], total: 0, page: 1, pageSize: 25 });
  });
});
