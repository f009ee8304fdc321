import { DEMO_AGENT_PASSWORD, DEMO_AGENTS } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';

describe('agent in the browser', () => {
  let s: Session;
  const joana = DEMO_AGENTS.find((a) => a.displayName === 'Joana Silva') ?? DEMO_AGENTS[0];

  beforeEach(async () => {
    s = await openBrowser();
  });

  afterEach(async () => {
    await s.close();
  });

  it('lands on their shifts, sees their own profile and no management screens', async () => {
    const { page } = s;
    await logIn(page, joana.email, DEMO_AGENT_PASSWORD);
    expect(new URL(page.url()).pathname).toBe('/my-shifts');
    await page.getByRole('heading', { name: 'My shifts' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My profile' }).click();
    await page.waitForURL((url) => url.pathname === '/me');
    await page.getByTestId('profile-name').getByText(joana.displayName).waitFor();
    expect(await page.getByTestId('user-role').textContent()).toBe('Agent');
    expect(await page.getByTestId('profile-zone').textContent()).toMatch(new RegExp(`${joana.timeZone} · \\d\\d:\\d\\d \\S+`));
    expect(await page.getByTestId('profile-languages').textContent()).toContain('Portuguese');
    await page.getByTestId('profile-team').getByText('Support Desk').waitFor();
    await shot(page, '07-agent-profile');

    const nav = page.getByRole('navigation', { name: 'Main' });
    expect((await nav.getByRole('link').allTextContents()).map((text) => text.trim())).toEqual(['My shifts', 'Requests', 'Roster', 'My profile']);
    expect(await page.getByRole('link', { name: 'Agents' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Teams' }).count()).toBe(0);
  });

  it('is refused when opening management pages directly', async () => {
    const { page } = s;
    await logIn(page, joana.email, DEMO_AGENT_PASSWORD);
    for (const path of ['/agents', '/agents/new', '/teams', '/home', '/approvals']) {
      await page.goto(path);
      await page.waitForURL((url) => url.pathname === '/my-shifts');
      await page.getByTestId('denied').waitFor();
      expect(await page.getByTestId('agents-table').count()).toBe(0);
    }
    await shot(page, '08-agent-denied');
  });

  it('shows the API message for a wrong password', async () => {
    const { page } = s;
    await page.goto('/login');
    await page.getByLabel('Email').fill(joana.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.getByTestId('login-error');
    await error.getByText('Email or password is incorrect').waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });
});

describe('phone-sized screen', () => {
  it('keeps the agents list and the navigation usable at 390 px', async () => {
    const s = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = s;
      await logIn(page, 'manager@demo.shiftdesk.local', 'demo-manager');
      await page.goto('/agents');
      await page.getByTestId('agents-table').waitFor();
      // No sideways scrolling of the page itself.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(1);
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).waitFor();
      await shot(page, '09-phone-agents', false);
      await page.goto('/agents/new');
      await page.getByLabel('Display name').waitFor();
      await shot(page, '10-phone-agent-form', false);
    } finally {
      await s.close();
    }
  });
});
