import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Injector } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type { Team } from '@shiftdesk/shared-api-contract';
import { TeamContextStore } from './team-context.store';

const team = (id: string, name: string): Team => ({ id, name, description: null, timeZone: 'Europe/Moscow', agentCount: 1, createdAt: '2026-01-01T00:00:00Z' }) as Team;
const TEAMS = [team('t2', 'Tier 1 Callbacks'), team('t1', 'Support Desk')];

describe('TeamContextStore', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  /** A schedule screen's own store, as each route provides one. */
  function screen(): TeamContextStore {
    return Injector.create({ providers: [TeamContextStore], parent: TestBed.inject(Injector) }).get(TeamContextStore);
  }

  async function load(store: TeamContextStore, preferred?: string): Promise<void> {
    const loading = store.load(preferred);
    http.expectOne('/api/teams').flush(TEAMS);
    await new Promise((resolve) => setTimeout(resolve, 0));
    http.expectOne((request) => request.url === '/api/agents' && request.params.get('teamId') === store.teamId()).flush({ items: [], total: 0, page: 1, pageSize: 200 });
    await loading;
  }

  async function choose(store: TeamContextStore, teamId: string): Promise<void> {
    const choosing = store.selectTeam(teamId);
    http.expectOne((request) => request.url === '/api/agents' && request.params.get('teamId') === teamId).flush({ items: [], total: 0, page: 1, pageSize: 200 });
    await choosing;
  }

  it('opens on the first team by name, then on the team chosen on another schedule screen', async () => {
    const coverage = screen();
    await load(coverage);
    expect(coverage.team()?.name).toBe('Support Desk');
    await choose(coverage, 't2');

    const roster = screen();
    await load(roster);
    expect(roster.team()?.name).toBe('Tier 1 Callbacks');
  });

  it("lets a link's ?team= win over the remembered choice", async () => {
    const coverage = screen();
    await load(coverage);
    await choose(coverage, 't2');
    const linked = screen();
    await load(linked, 't1');
    expect(linked.teamId()).toBe('t1');
    // And that link is now the choice the next screen opens on.
    const next = screen();
    await load(next);
    expect(next.teamId()).toBe('t1');
  });
});
