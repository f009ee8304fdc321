import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { Agent } from '@shiftdesk/shared-api-contract';
import { DirectoryStore } from '../shared/directory.store';
import { AgentsListComponent } from './agents-list.component';
import { AgentsListStore } from './agents-list.store';
import { settle } from '@shiftdesk/web-util/testing';

const lisbon: Agent = {
  id: 'a1', teamId: 't1', displayName: 'Joana Silva', timeZone: 'Europe/Lisbon', languages: [{ code: 'en', level: 'fluent' }, { code: 'pt', level: 'native' }],
  channels: ['chat'], active: true, email: 'joana@desk.test', regionId: 'r1', regionName: 'Remote — Portugal', workMode: 'remote',
  contractHoursPerWeek: 40, availability: null, archivedAt: null, hasLogin: true, passwordExpiresAt: null, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
};

describe('AgentsListComponent', () => {
  let http: HttpTestingController;

  async function render(teamId?: string) {
    TestBed.configureTestingModule({
      imports: [AgentsListComponent],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), AgentsListStore, DirectoryStore],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AgentsListComponent);
    if (teamId) fixture.componentRef.setInput('teamId', teamId);
    fixture.detectChanges();
    http.expectOne('/api/teams').flush([{ id: 't1', name: 'First line', description: null, timeZone: 'Europe/Moscow', agentCount: 1, createdAt: '2026-01-01T00:00:00Z' }]);
    http.expectOne('/api/regions').flush([]);
    return fixture;
  }

  afterEach(() => http.verify());

  it('invites the first agent when the desk is empty', async () => {
    const fixture = await render();
    http.expectOne((r) => r.url === '/api/agents').flush({ items: [], total: 0, page: 1, pageSize: 25 });
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('.empty-state-title')?.textContent).toBe('No agents yet — add the first one');
    expect(el.querySelector('[data-testid="agents-table"]')).toBeNull();
  });

  it('lists agents with zone, local time and languages native first; filters by ?teamId', async () => {
    const fixture = await render('t1');
    const request = http.expectOne((r) => r.url === '/api/agents');
    expect(request.request.params.get('teamId')).toBe('t1');
    request.flush({ items: [lisbon], total: 1, page: 1, pageSize: 25 });
    await settle(fixture);
    const row = (fixture.nativeElement as HTMLElement).querySelector('[data-testid="agent-row"]');
    expect(row?.textContent).toMatch(/Europe\/Lisbon · \d\d:\d\d WES?T/);
    expect(row?.querySelector('.chip')?.textContent).toContain('PT');
    expect(row?.textContent).toContain('Remote — Portugal');
  });
});
