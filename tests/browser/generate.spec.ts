import { DEMO_COVERAGE, DEMO_MANAGER, DEMO_ROSTER_WEEKS, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { localDate, addDays, dayLabel, api } from './support/helpers';

// Issue 4's scenario: the demo manager generates a week for the demo desk's 16 h target
// (07:00–23:00 Moscow), watches the job, applies and publishes the draft, and sees zero gaps.
// The demo desk is shared with the other browser tests, so the week is far ahead (past the
// 5 weeks of seeded roster, the 4-week gap scan, the drag test's week 6 and the rotation test's
// week 10).

const ZONE = DEMO_TEAM.timeZone;
const WEEKS_AHEAD = 16;

describe('generating a roster in the browser', () => {
  let s: Session;
  const today = localDate(ZONE);
  const monday = addDays(today, 1 - (new Date(`${today}T00:00:00Z`).getUTCDay() || 7) + 7 * WEEKS_AHEAD);
  const sunday = addDays(monday, 6);
  let token = '';
  let teamId = '';
  let preferenceId = '';

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } }));
    const [team] = await api<{ id: string }[]>('/teams', { token });
    if (!team) throw new Error('no demo team');
    teamId = team.id;
    // The demo desk's own target: 07:00–23:00 Moscow, two agents at least.
    const rules = await api<{ windows: Record<string, { start: string; end: string }[]>; minAgents: number }[]>(`/teams/${teamId}/coverage-rules`, { token });
    expect(rules).toEqual([expect.objectContaining({ minAgents: DEMO_COVERAGE.minAgents })]);
    expect(rules[0].windows['1']).toEqual([{ start: '07:00', end: '23:00' }]);
    // Anna Smirnova would like that Wednesday free, strongly: the desk can do without her.
    const anna = await api<{ token: string; user: { agentId: string } }>('/auth/login', { method: 'POST', body: { email: 'anna.smirnova@demo.shiftdesk.local', password: 'demo-agent' } });
    const preference = await api<{ id: string }>('/preferences', { method: 'POST', token: anna.token, body: { agentId: anna.user.agentId, kind: 'off', date: addDays(monday, 2), strength: 'strong' } });
    preferenceId = preference.id;
  });

  afterAll(async () => {
    if (preferenceId) await api(`/preferences/${preferenceId}`, { method: 'DELETE', token });
  });

  beforeEach(async () => {
    s = await openBrowser({ width: 1440, height: 1000 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('generates a week for the 16 h target, applies and publishes it, and sees zero gaps', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roster' }).click();
    await page.getByTestId('roster-board').waitFor();

    // The dialog opens on the first week the seeded roster leaves short (the weeks before are
    // covered), with shapes that tile the 16 h target: 07:00 and 15:00, 8 h.
    await page.getByTestId('open-generate').click();
    const dialog = page.getByTestId('generate-dialog');
    await dialog.getByRole('heading', { name: 'Generate a draft roster' }).waitFor();
    await dialog.getByTestId('target-note').getByText('Suggested from the coverage target').waitFor();
    await dialog.getByTestId('period-note').getByText('this is the first week with a gap').waitFor();
    expect(await dialog.getByLabel('First day').inputValue()).toBe(addDays(monday, -7 * (WEEKS_AHEAD - DEMO_ROSTER_WEEKS)));
    const shapes = dialog.getByTestId('shape-row');
    expect(await shapes.count()).toBe(2);
    expect(await shapes.nth(0).getByLabel('Start').inputValue()).toBe('07:00');
    expect(await shapes.nth(1).getByLabel('Start').inputValue()).toBe('15:00');
    expect(await shapes.nth(1).getByLabel('Hours').inputValue()).toBe('8');

    // A wrong time limit is refused next to its field before anything is sent.
    await dialog.getByLabel('First day').fill(monday);
    await dialog.getByLabel('Last day').fill(sunday);
    await dialog.getByLabel('Time limit (seconds)').fill('0');
    await dialog.getByTestId('start-generate').click();
    await dialog.getByTestId('error-timeLimitSeconds').getByText('Whole seconds from 1 to 600.').waitFor();
    await dialog.getByLabel('Time limit (seconds)').fill('4');
    await shot(page, '40-generate-dialog', false);
    await dialog.getByTestId('start-generate').click();
    await dialog.waitFor({ state: 'hidden' });

    // The job runs, then is done: a draft with no gap, every objective term listed.
    const panel = page.getByTestId('generate-panel');
    await panel.waitFor();
    await panel.getByTestId('job-progress').waitFor();
    await page.locator('[data-testid="generate-panel"][data-status="done"]').waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('job-status').textContent()).toContain('Done');
    expect(await panel.getByTestId('result-gaps').textContent()).toBe('0');
    await panel.getByTestId('no-unfilled').waitFor();
    // Two agents on each of the two shapes, every day.
    expect(Number(await panel.getByTestId('result-shifts').textContent())).toBeGreaterThanOrEqual(28);
    // Cover, surplus, the two kinds of wishes, four fairness terms and pay.
    expect(await panel.getByTestId('breakdown').locator('tr[data-term]').count()).toBe(9);
    expect(await panel.getByTestId('preferences-met').textContent()).toBe('1 of 1 met');
    expect(await panel.getByTestId('draft-table').locator('tbody tr').count()).toBe(7);
    await shot(page, '41-generate-result');

    // Apply (asks first): the board shows that week, the drafts striped.
    await panel.getByTestId('apply-roster').click();
    const applyConfirm = page.getByRole('dialog', { name: 'Apply this roster as drafts?' });
    await applyConfirm.getByTestId('confirm').click();
    await panel.getByTestId('applied-notice').waitFor();
    await page.getByTestId('week-label').getByText(dayLabel(monday)).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="shift-bar"].draft').length >= 28);
    // The cover row above the agents counts the drafts: every hour of 07:00–23:00 met, all week.
    const cover = page.getByTestId('cover-row');
    await cover.getByTestId('cover-summary').getByText('Target met all week').waitFor();
    expect(await cover.locator('[data-state="met"]').count()).toBe(7 * 16);
    expect(await cover.locator('[data-state="short"], [data-state="uncovered"]').count()).toBe(0);
    await shot(page, '42-generate-applied');
    // The week after has no roster: the same row says so, hour by hour.
    await page.getByTestId('next-week').click();
    await cover.getByTestId('cover-summary').getByText('112 h with nobody on shift').waitFor();
    expect(await cover.locator('[data-state="uncovered"]').count()).toBe(7 * 16);
    await page.getByTestId('prev-week').click();
    await cover.getByTestId('cover-summary').getByText('Target met all week').waitFor();

    // Publish the period (asks first).
    await panel.getByTestId('publish-roster').click();
    const publishConfirm = page.getByRole('dialog', { name: 'Publish the drafts of this period?' });
    await publishConfirm.getByText(`${dayLabel(monday)} – ${dayLabel(sunday)}`).waitFor();
    await publishConfirm.getByTestId('confirm').click();
    await panel.getByTestId('published-notice').getByText(/^\d+ shifts published/).waitFor();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="shift-bar"].draft').length === 0);

    // A narrow screen: the panel stacks, nothing scrolls sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    await panel.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, '43-generate-phone');
    await page.setViewportSize({ width: 1440, height: 1000 });

    // One click to the heatmap of that week: zero gaps.
    await panel.getByTestId('open-coverage').click();
    await page.waitForURL((url) => url.pathname === '/coverage' && url.searchParams.get('week') === monday);
    await page.locator('[data-testid="gap-list"][aria-busy="false"]').waitFor();
    await page.getByTestId('no-gaps').waitFor();
    expect(await page.locator('[data-testid="gap-list"] [data-testid="gap-item"][data-level="error"]').count()).toBe(0);
    expect(await page.getByTestId('violation').count()).toBe(0);
    expect(await page.locator('[data-testid="heat-cell"][data-state="uncovered"]').count()).toBe(0);
    await shot(page, '44-generate-coverage');
  });
});
