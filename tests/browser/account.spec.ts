import { DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';

// A new colleague added without a login: the manager gives her one on her page, she signs in,
// changes the password on her account page, and the old one stops working.

describe('logins and passwords in the browser', () => {
  let s: Session;
  let token = '';
  let agentId = '';
  const email = `new.colleague.${Date.now()}@demo.shiftdesk.local`;

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } }));
    const [team] = await api<{ id: string }[]>('/teams', { token });
    if (!team) throw new Error('no demo team');
    const agent = await api<{ id: string }>('/agents', {
      method: 'POST',
      token,
      body: { teamId: team.id, displayName: 'Zoya Orlova', email, timeZone: DEMO_TEAM.timeZone, workMode: 'office', languages: [{ code: 'ru', level: 'native' }], channels: ['chat'], contractHoursPerWeek: 40, active: false },
    });
    agentId = agent.id;
  });

  afterAll(async () => {
    // She has no shifts, so she is deleted, not archived.
    if (agentId) await api(`/agents/${agentId}`, { method: 'DELETE', token });
  });

  beforeEach(async () => {
    s = await openBrowser({ width: 1280, height: 900 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('gives a login, and the agent changes her password on her account page', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.goto(`/agents/${agentId}`);
    const card = page.getByTestId('agent-login');
    await card.getByTestId('agent-login-state').getByText('has no login yet').waitFor();
    await card.getByLabel('Password').fill('short');
    await card.getByTestId('agent-set-password').click();
    await card.getByTestId('agent-login-error').getByText('at least 8 characters').waitFor();
    await card.getByLabel('Password').fill('welcome-zoya-1');
    await card.getByTestId('agent-set-password').click();
    await card.getByTestId('agent-login-notice').getByText(`Zoya Orlova can now sign in with ${email}`).waitFor();
    await page.getByText('Has a login').waitFor();
    await shot(page, '90-agent-login-given');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // She signs in and opens her account from her name in the top bar.
    await logIn(page, email, 'welcome-zoya-1');
    await page.getByTestId('account-link').click();
    await page.getByRole('heading', { name: 'Your account' }).waitFor();
    expect(await page.getByTestId('account-who').textContent()).toContain(`Signed in as ${email} · Agent`);

    // A wrong current password is named under its field; a mistyped repeat is caught first.
    const form = page.getByTestId('password-form');
    await form.getByLabel('Current password').fill('not-my-password');
    await form.getByLabel('New password', { exact: true }).fill('zoya-own-secret');
    await form.getByLabel('New password again').fill('zoya-own-secre');
    await form.getByTestId('change-password').click();
    await form.getByText('Type the same new password twice.').waitFor();
    await form.getByLabel('New password again').fill('zoya-own-secret');
    await form.getByTestId('change-password').click();
    await form.locator('#currentPassword-error').getByText('Is not your current password').waitFor();
    await shot(page, '91-account-wrong-current');

    await form.getByLabel('Current password').fill('welcome-zoya-1');
    await form.getByTestId('change-password').click();
    await form.getByTestId('password-changed').waitFor();
    await shot(page, '92-account-password-changed');

    // This session stayed; the old password no longer signs in, the new one does.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My shifts' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/my-shifts'));
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill('welcome-zoya-1');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('login-error').getByText('Email or password is incorrect').waitFor();
    await logIn(page, email, 'zoya-own-secret');
    expect(await page.getByTestId('user-name').textContent()).toBe('Zoya Orlova');
  });

  it('adds a new manager to the team, who signs in and sees it, then removes her', async () => {
    const { page } = s;
    const managerEmail = `deputy.${Date.now()}@demo.shiftdesk.local`;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: DEMO_TEAM.name }).first().click();
    const card = page.getByTestId('team-managers');
    await card.locator(`[data-testid="manager-row"][data-email="${DEMO_MANAGER.email}"]`).waitFor();

    // A new address needs a name and a first password: the API says so under the name.
    await card.getByLabel('Email').fill(managerEmail);
    await card.getByLabel(/First password/).fill('deputy-first-1');
    await card.getByTestId('add-manager').click();
    await card.locator('#manager-name-error').getByText(/nobody signs in with/).waitFor();
    await card.getByLabel(/^Name/).fill('Vera Deputy');
    await card.getByTestId('add-manager').click();
    await card.getByTestId('managers-notice').getByText('Vera Deputy now manages this team.').waitFor();
    await card.locator(`[data-testid="manager-row"][data-email="${managerEmail}"]`).waitFor();
    await shot(page, '93-team-managers');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // She signs in as a manager of the demo team.
    await logIn(page, managerEmail, 'deputy-first-1');
    expect(await page.getByTestId('user-role').textContent()).toBe('Manager');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: DEMO_TEAM.name }).first().waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));

    // Removed (after a question), she no longer sees the team.
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: DEMO_TEAM.name }).first().click();
    await card.locator(`[data-testid="manager-row"][data-email="${managerEmail}"]`).getByTestId('remove-manager').click();
    await page.getByRole('dialog', { name: 'Remove Vera Deputy as a manager?' }).getByTestId('confirm').click();
    await card.getByTestId('managers-notice').getByText('Vera Deputy no longer manages this team.').waitFor();
    const deputy = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: managerEmail, password: 'deputy-first-1' } });
    expect(await api<unknown[]>('/teams', { token: deputy.token })).toEqual([]);
  });
});
