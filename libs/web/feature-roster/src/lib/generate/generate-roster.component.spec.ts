import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { CoverageRule, Gap, RosterJob } from '@shiftdesk/shared-api-contract';
import { addDays, todayIn } from '@shiftdesk/web-data-access-schedule';
import { TeamContextStore } from '../shared/team-context.store';
import { defaultPeriod } from './generate-form';
import { GenerateRosterComponent } from './generate-roster.component';
import { settle } from '@shiftdesk/web-util/testing';

const ZONE = 'Europe/Moscow';
const RULE: CoverageRule = {
  id: 'r1', teamId: 't1', name: '16 h a day', kind: 'window', timeZone: ZONE, minAgents: 1, language: null, channel: null, validFrom: null, validTo: null,
  exceptions: [], createdAt: '', updatedAt: '', windows: { 1: [{ start: '07:00', end: '23:00' }] },
};

describe('GenerateRosterComponent', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  /** A gap starting on a local date at 15:00 in the team zone. */
  const gapOn = (date: string, level: Gap['level'] = 'error'): Gap => ({
    id: `gap:r1:${date}`, ruleId: 'r1', ruleName: '16 h a day', severity: level === 'error' ? 'uncovered' : 'single-point', level, start: '', end: '',
    localStart: `${date}T15:00`, localEnd: `${date}T23:00`, required: 1, present: 0, shortfallAgentHours: 8, language: null, channel: null,
  });

  async function render(gaps: Gap[] = []) {
    TestBed.configureTestingModule({ imports: [GenerateRosterComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), TeamContextStore] });
    http = TestBed.inject(HttpTestingController);
    const context = TestBed.inject(TeamContextStore);
    context.teams.set([{ id: 't1', name: 'Support Desk', description: null, timeZone: ZONE, agentCount: 2, createdAt: '' }] as never);
    context.teamId.set('t1');
    const fixture = TestBed.createComponent(GenerateRosterComponent);
    fixture.detectChanges();
    const opened = fixture.componentInstance.openDialog();
    const gapsRead = http.expectOne((r) => r.url === '/api/teams/t1/gaps');
    // Twelve weeks from next Monday, on the team's clock.
    expect(gapsRead.request.params.get('tz')).toBe(ZONE);
    gapsRead.flush({ teamId: 't1', from: '', to: '', tz: ZONE, gaps });
    http.expectOne('/api/teams/t1/coverage-rules').flush([RULE]);
    await opened;
    await settle(fixture);
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  const input = (el: HTMLElement, id: string) => el.querySelector<HTMLInputElement>(`#${id}`) as HTMLInputElement;

  it("opens on next week with the target's shapes, shows the API's 400 under the shape, then follows the job to its result", async () => {
    const { fixture, el } = await render();
    const period = defaultPeriod(todayIn(ZONE, Date.now()));
    expect(input(el, 'generate-from').value).toBe(period.from);
    expect(input(el, 'generate-to').value).toBe(period.to);
    expect([input(el, 'shape-start-0').value, input(el, 'shape-start-1').value]).toEqual(['07:00', '15:00']);
    expect(input(el, 'generate-limit').value).toBe('30');

    const limit = input(el, 'generate-limit');
    limit.value = '5';
    limit.dispatchEvent(new Event('input'));
    el.querySelector<HTMLButtonElement>('[data-testid="start-generate"]')?.click();
    const post = http.expectOne('/api/teams/t1/rosters/generate');
    expect(post.request.body).toEqual({
      from: period.from,
      to: period.to,
      shapes: [{ name: 'Early', start: '07:00', lengthMinutes: 480 }, { name: 'Late', start: '15:00', lengthMinutes: 480 }],
      timeLimitSeconds: 5,
    });
    const message = 'shapes.1.language: must be an ISO 639-1 language code in lower case, e.g. fr';
    post.flush({ statusCode: 400, error: 'Bad Request', message, fields: [{ field: 'shapes.1.language', message }] }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(el.querySelector('[data-testid="error-shapes-1-language"]')?.textContent).toContain('Must be an ISO 639-1 language code');
    expect(input(el, 'shape-language-1').getAttribute('aria-invalid')).toBe('true');
    expect(el.querySelector('[data-testid="generate-panel"]')).toBeNull();

    el.querySelector<HTMLButtonElement>('[data-testid="start-generate"]')?.click();
    http.expectOne('/api/teams/t1/rosters/generate').flush({ jobId: 'j1', status: 'queued' });
    await settle(fixture);
    const job: RosterJob = {
      id: 'j1', teamId: 't1', status: 'done', from: period.from, to: period.to, createdAt: '', startedAt: '', finishedAt: '', error: null,
      progress: { phase: 'lns', bestObjective: 100, bound: 0, gap: 1, elapsedSeconds: 5 },
      result: {
        solverStatus: 'time-limit', feasible: true, objective: 100, bound: 0, breakdown: { coverUnder: 100, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0 },
        shifts: [{ agentId: 'a1', agentName: 'Anna Smirnova', date: period.from, shape: 'Early', start: `${period.from}T04:00:00.000Z`, end: `${period.from}T12:00:00.000Z`, timeZone: ZONE, channel: null }],
        unfilled: [{ date: period.from, shape: 'Late', start: `${period.from}T12:00:00.000Z`, end: `${period.from}T20:00:00.000Z`, required: 1, assigned: 0, reason: 'weekly-hours', message: 'Every eligible agent is at the weekly-hours limit' }],
        preferences: { total: 3, met: 2, unmet: [{ preferenceId: 'p1', agentId: 'a1', agentName: 'Anna Smirnova', kind: 'off', date: period.from }] },
      },
    };
    http.expectOne('/api/teams/t1/rosters/jobs/j1').flush(job);
    await settle(fixture);
    const panel = el.querySelector('[data-testid="generate-panel"]') as HTMLElement;
    expect(panel.getAttribute('data-status')).toBe('done');
    expect(panel.querySelector('[data-testid="job-elapsed"]')?.textContent).toBe('5.0 s of 5 s');
    expect(panel.querySelector('[data-testid="result-gaps"]')?.textContent).toBe('1');
    const gap = panel.querySelector('[data-testid="unfilled-item"]')?.textContent ?? '';
    expect(gap).toContain('Late');
    expect(gap).toContain('15:00–23:00');
    expect(gap).toContain('Weekly hours limit');
    expect(gap).toContain('0 of 1');
    expect(panel.querySelectorAll('[data-testid="breakdown"] tr[data-term]')).toHaveLength(5);
    expect(panel.querySelector('[data-testid="preferences-met"]')?.textContent).toBe('2 of 3 met');
    expect(panel.querySelector('[data-testid="preferences-unmet"]')?.textContent?.trim()).toBe(`Anna Smirnova · ${period.from} · wanted to be free`);
    expect(panel.querySelectorAll('[data-testid="draft-table"] tbody tr')).toHaveLength(7);
    expect(panel.querySelector('[data-testid="apply-roster"]')).not.toBeNull();

    // Another team on the board: this job's panel goes.
    TestBed.inject(TeamContextStore).teamId.set('t2');
    await settle(fixture);
    expect(el.querySelector('[data-testid="generate-panel"]')).toBeNull();
  });

  it('opens on the first week with a gap when the weeks before are planned, ignoring warnings', async () => {
    const next = defaultPeriod(todayIn(ZONE, Date.now()));
    const { el } = await render([gapOn(addDays(next.from, 8), 'warning'), gapOn(addDays(next.from, 23)), gapOn(addDays(next.from, 30))]);
    // next.from + 23 days is the Wednesday of the fourth week from next Monday.
    expect(input(el, 'generate-from').value).toBe(addDays(next.from, 21));
    expect(input(el, 'generate-to').value).toBe(addDays(next.from, 27));
    expect(el.querySelector('[data-testid="period-note"]')?.textContent).toContain('first week with a gap');
  });

  it('says there is nothing to add when the roster already meets the target, and offers no apply', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('[data-testid="period-note"]')).toBeNull();
    const period = defaultPeriod(todayIn(ZONE, Date.now()));
    el.querySelector<HTMLButtonElement>('[data-testid="start-generate"]')?.click();
    http.expectOne('/api/teams/t1/rosters/generate').flush({ jobId: 'j2', status: 'queued' });
    await settle(fixture);
    const job: RosterJob = {
      id: 'j2', teamId: 't1', status: 'done', from: period.from, to: period.to, createdAt: '', startedAt: '', finishedAt: '', error: null,
      progress: { phase: 'done', bestObjective: 0, bound: 0, gap: 0, elapsedSeconds: 1 },
      result: { solverStatus: 'optimal', feasible: true, objective: 0, bound: 0, breakdown: { coverUnder: 0, coverOver: 0, shiftOn: 0, shiftOff: 0, cost: 0 }, shifts: [], unfilled: [], preferences: { total: 0, met: 0, unmet: [] } },
    };
    http.expectOne('/api/teams/t1/rosters/jobs/j2').flush(job);
    await settle(fixture);
    expect(el.querySelector('[data-testid="nothing-to-add"]')?.textContent).toContain('already on the roster meet the target');
    expect(el.querySelector('[data-testid="draft-table"]')).toBeNull();
    expect(el.querySelector<HTMLButtonElement>('[data-testid="apply-roster"]')?.disabled).toBe(true);
  });
});
