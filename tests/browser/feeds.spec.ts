import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';
import { ADMIN, readServerState } from './support/server';

// Issue 6: an agent subscribes to their own shifts from their profile, sees the address once in
// its webcal:// and https:// forms, the address serves a calendar with their shift, and once
// revoked it answers 404. On a team of its own, so the demo desk other tests count is untouched.

const EMAIL = 'lena.feeds@feeds.test';
const PASSWORD = 'lena-password-1';

describe('calendar feeds in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser({ width: 1280, height: 900 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('an agent creates their feed, sees the webcal link, the URL serves their shifts, revokes it and the URL is gone', async () => {
    const { page } = s;
    const { token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: ADMIN.email, password: ADMIN.password } });
    const team = await api<{ id: string }>('/teams', { method: 'POST', token, body: { name: 'Calendar Feeds Desk', timeZone: 'Europe/Berlin' } });
    const agent = await api<{ id: string }>('/agents', {
      method: 'POST',
      token,
      body: { teamId: team.id, displayName: 'Lena Feeds', email: EMAIL, password: PASSWORD, timeZone: 'Europe/Berlin', workMode: 'remote', languages: [{ code: 'de', level: 'native' }], channels: ['email'], contractHoursPerWeek: 40 },
    });
    const start = new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000 + 3 * 86_400_000 + 7 * 3_600_000);
    const shift = await api<{ id: string }>(`/teams/${team.id}/shifts`, {
      method: 'POST',
      token,
      body: { agentId: agent.id, start: start.toISOString(), end: new Date(start.getTime() + 8 * 3_600_000).toISOString(), timeZone: 'Europe/Berlin', channel: 'email', label: 'Early' },
    });

    await logIn(page, EMAIL, PASSWORD);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
    const feed = page.getByTestId('my-feed');
    await feed.getByTestId('feed-create').click();
    await feed.getByTestId('feed-url').waitFor();
    const https = await feed.getByTestId('feed-https').inputValue();
    const webcal = await feed.getByTestId('feed-webcal').inputValue();
    const { baseUrl } = readServerState();
    expect(https).toMatch(new RegExp(`^${baseUrl}/api/feeds/[A-Za-z0-9_-]{43}\\.ics$`));
    expect(webcal).toBe(https.replace(/^https?:/, 'webcal:'));
    expect(await feed.getByTestId('feed-open').getAttribute('href')).toBe(webcal);
    await shot(page, 'feeds-subscribe');

    const served = await fetch(https);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const text = await served.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text).toContain(`UID:shift-${shift.id}@shiftdesk\r\n`);
    expect(text).toContain('SUMMARY:Shift · email · Early\r\n');

    // Hidden once dismissed; the feed stays, with rotate and revoke.
    await feed.getByTestId('feed-dismiss').click();
    await feed.getByTestId('feed-status').waitFor();
    expect(await feed.getByTestId('feed-url').count()).toBe(0);
    await feed.getByTestId('feed-revoke').click();
    await feed.getByTestId('feed-create').waitFor();
    expect((await fetch(https)).status).toBe(404);
  });
});
