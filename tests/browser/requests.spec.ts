import type { ManualShift } from '@shiftdesk/shared-api-contract';
import { type Page } from 'playwright-core';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { ADMIN } from './support/server';
import { getStartOfIsoWeek } from '../../libs/scheduling/src/time/local-date-time';
import { addDays, api, localDate } from './support/helpers';

// Issue 5's scenario on a team of its own (so the demo desk the other specs count stays as they
// expect): agent A (in Lisbon, the team plans in Moscow) offers one of her shifts to everyone,
// agent B takes it, the manager sees the impact in the approvals inbox and approves, and both
// agents' shift lists and the manager's roster board show the shift moved from A to B.

const TEAM_NAME = 'Requests Desk';
const ZONE = 'Europe/Moscow';
const PASSWORD = 'agent-password-5';
const A = { name: 'Ines Costa', email: 'ines.costa@requests.test', timeZone: 'Europe/Lisbon' };
const B = { name: 'Pavel Sokolov', email: 'pavel.sokolov@requests.test', timeZone: 'Europe/Moscow' };

/** The local wall time `time` on `date` in Moscow (UTC+3 all year) as an instant. */
function moscow(date: string, time: string): string {
  return new Date(Date.parse(`${date}T${time}:00+03:00`)).toISOString();
}

describe('requests in the browser', () => {
  const sessions: Session[] = [];
  const open = async (width = 1360, height = 900): Promise<Page> => {
    const session = await openBrowser({ width, height });
    sessions.push(session);
    return session.page;
  };

  afterEach(async () => {
    for (const session of sessions.splice(0)) await session.close();
  });

  it('agent A offers a shift, agent B takes it, the manager sees the impact and approves; both shift lists and the roster change', async () => {
    // Set-up through the API: the team, a one-agent coverage target and the two agents with logins.
    const { token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: ADMIN.email, password: ADMIN.password } });
    const team = await api<{ id: string }>('/teams', { method: 'POST', token, body: { name: TEAM_NAME, timeZone: ZONE } });
    const windows = Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((weekday) => [weekday, [{ start: '09:00', end: '17:00' }]]));
    await api(`/teams/${team.id}/coverage-rules`, { method: 'POST', token, body: { name: 'Day desk', kind: 'window', timeZone: ZONE, windows, minAgents: 1 } });
    const ids: Record<string, string> = {};
    for (const agent of [A, B]) {
      const created = await api<{ id: string }>('/agents', {
        method: 'POST',
        token,
        body: { teamId: team.id, displayName: agent.name, email: agent.email, password: PASSWORD, timeZone: agent.timeZone, workMode: 'remote', languages: [{ code: 'en', level: 'fluent' }], channels: ['email', 'chat'], contractHoursPerWeek: 40 },
      });
      ids[agent.name] = created.id;
    }
    // A's published shift tomorrow 09:00–17:00 Moscow (06:00–14:00 in Lisbon).
    const day = addDays(localDate(ZONE), 1);
    const shift = await api<ManualShift>(`/teams/${team.id}/shifts`, { method: 'POST', token, body: { agentId: ids[A.name], start: moscow(day, '09:00'), end: moscow(day, '17:00'), timeZone: ZONE } });
    const shiftRow = (page: Page) => page.locator(`[data-testid="shift-item"][data-shift-id="${shift.id}"]`);

    // A sees the shift on her own clock with the team's beside it, and offers it to everyone.
    const pageA = await open();
    await logIn(pageA, A.email, PASSWORD);
    expect(new URL(pageA.url()).pathname).toBe('/my-shifts');
    const rowA = shiftRow(pageA);
    await rowA.waitFor();
    expect(await rowA.locator('.shift-span').textContent()).toMatch(/^06:00–14:00 (WET|GMT|UTC)/);
    expect(await rowA.getByTestId('team-time').textContent()).toMatch(/09:00–17:00 (MSK|UTC\+3)/);
    await pageA.getByTestId('next-shift').getByText(/in \d+ (d|h|min)/).waitFor();
    await rowA.getByTestId('shift-give-away').click();
    await rowA.getByTestId('give-offer').check();
    // B keeps the desk covered, so the preview is clean; the team's policy still asks a manager.
    await rowA.getByTestId('impact-headline').getByText(/^Clean/).waitFor();
    await rowA.getByTestId('trade-send').click();
    await pageA.getByTestId('trade-sent').getByText('Shift offered').waitFor();
    await rowA.getByTestId('shift-request').getByText('Shift offered to everyone').waitFor();
    await shot(pageA, 'requests-01-agent-offers');

    // B takes it from the open shifts on the requests page.
    const pageB = await open();
    await logIn(pageB, B.email, PASSWORD);
    await pageB.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Requests' }).click();
    const offer = pageB.getByTestId('open-shifts').getByTestId('request-item').filter({ hasText: A.name });
    await offer.waitFor();
    expect(await offer.getByTestId('request-shift').textContent()).toMatch(/09:00–17:00 (MSK|UTC\+3)/);
    // The offer's impact as if B took it, before B decides.
    await offer.getByTestId('impact-headline').getByText(/^Clean/).waitFor();
    await offer.getByTestId('request-take').click();
    await pageB.getByTestId('requests-action-notice').getByText('You took the shift. A manager approves it next.').waitFor();
    const mine = pageB.getByTestId('my-requests').getByTestId('request-item').filter({ hasText: A.name });
    await mine.getByTestId('request-awaiting').getByText('Waiting for a manager').waitFor();
    await shot(pageB, 'requests-02-agent-takes');

    // The manager sees the badge, the impact inline, and approves with a comment.
    const pageM = await open();
    await logIn(pageM, ADMIN.email, ADMIN.password);
    const nav = pageM.getByRole('navigation', { name: 'Main' });
    await nav.getByTestId('approvals-badge').waitFor();
    await nav.getByRole('link', { name: 'Approvals' }).click();
    // The admin manages the demo desk too: the inbox opens on the first team by name.
    await pageM.getByTestId('approvals-team').selectOption({ label: TEAM_NAME });
    const card = pageM.getByTestId('approvals-list').getByTestId('request-item').filter({ hasText: A.name });
    await card.getByText(`Offered shift, taken by ${B.name}`).waitFor();
    await card.getByTestId('impact-headline').getByText(/^Clean: no new gap and no broken rule/).waitFor();
    await card.getByTestId('request-comment').fill('Thanks for covering, Pavel');
    await shot(pageM, 'requests-03-manager-inbox');
    await card.getByTestId('request-approve').click();
    await pageM.getByTestId('approvals-notice').getByText(`${A.name}: Approved: the schedule has changed.`).waitFor();

    // The roster board now shows the shift in B's row, not A's.
    // The board opens on the admin's first team, which may have no agents (then it shows no board): pick ours first.
    await nav.getByRole('link', { name: 'Roster' }).click();
    await pageM.getByTestId('team-select').selectOption({ label: TEAM_NAME });
    await pageM.getByTestId('roster-board').waitFor();
    if (getStartOfIsoWeek(day) !== getStartOfIsoWeek(localDate(ZONE))) await pageM.getByTestId('next-week').click();
    const bar = (name: string) => pageM.locator(`[data-testid="roster-row"][data-agent="${name}"] [data-testid="shift-bar"][data-shift-id="${shift.id}"]`);
    await bar(B.name).waitFor();
    expect(await bar(A.name).count()).toBe(0);
    await shot(pageM, 'requests-04-roster-after');

    // B's shift list has it; A's no longer does, and A's bell links to the approved request.
    await pageB.goto('/my-shifts');
    await shiftRow(pageB).waitFor();
    await pageA.goto('/my-shifts');
    await pageA.getByRole('heading', { name: 'Upcoming' }).waitFor();
    await pageA.getByText('No upcoming shifts').waitFor();
    expect(await shiftRow(pageA).count()).toBe(0);
    await pageA.getByTestId('notices-unread').waitFor();
    await pageA.getByTestId('notices-bell').click();
    await pageA.getByTestId('notice-item').first().getByRole('link').click();
    await pageA.waitForURL((url) => url.pathname.startsWith('/requests/'));
    await pageA.getByTestId('request-state').getByText('Approved').waitFor();
    const history = pageA.getByTestId('request-history');
    await history.getByText('approved it').waitFor();
    expect(await history.textContent()).toContain('Thanks for covering, Pavel');
    await shot(pageA, 'requests-05-request-detail');

    // On a phone (375 px) B's home fits the screen, with the trade panel open too.
    const phone = await open(375, 812);
    await logIn(phone, B.email, PASSWORD);
    const rowB = shiftRow(phone);
    await rowB.waitFor();
    await rowB.getByTestId('shift-swap').click();
    await rowB.getByTestId('trade-colleague').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await shot(phone, 'requests-06-phone-my-shifts');
  });
});
