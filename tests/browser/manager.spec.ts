import { DEMO_AGENTS, DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { ADMIN } from './support/server';

describe('manager in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser();
  });

  afterEach(async () => {
    await s.close();
  });

  it('sees the demo desk: every demo agent listed with a zone and its local time', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    expect(new URL(page.url()).pathname).toBe('/home');
    await expect(page.getByTestId('user-name').textContent()).resolves.toBe(DEMO_MANAGER.displayName);
    await expect(page.getByTestId('user-role').textContent()).resolves.toBe('Manager');
    await page.getByTestId('stat-agents').getByText(String(DEMO_AGENTS.length), { exact: true }).waitFor();
    // The desk right now from the seeded roster, on Moscow's clock: shifts run 07:00–15:00 and
    // 15:00–23:00, so whoever is on leaves at 15:00 or 23:00 and the next start is 07:00 or 15:00.
    const rightNow = page.locator('.list-row', { hasText: DEMO_TEAM.name }).getByTestId('team-right-now');
    await rightNow.waitFor();
    expect(await rightNow.getByTestId('on-shift').textContent()).toMatch(/On shift:\s+(\S.* until (15|23):00 \S+|Nobody on shift)$/);
    expect(await rightNow.getByTestId('next-shift').textContent()).toMatch(/Next:\s+\S.* at (07|15):00 \S+, in /);
    await shot(page, '01-manager-home');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByTestId('agents-table').waitFor();
    const rows = page.getByTestId('agent-row');
    expect(await rows.count()).toBe(DEMO_AGENTS.length);
    for (const agent of DEMO_AGENTS) await rows.filter({ hasText: agent.displayName }).first().waitFor();
    // Zone with local time and abbreviation: "Europe/Lisbon · 14:05 WET".
    const joana = rows.filter({ hasText: 'Joana Silva' });
    expect(await joana.textContent()).toMatch(/Europe\/Lisbon · \d\d:\d\d WES?T/);
    expect(await joana.textContent()).toContain("Remote — Portugal");
    await shot(page, '02-agents-list');

    // Filters reach the API: only French speakers.
    await page.getByLabel('Language').selectOption('fr');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="agent-row"]').length < 20);
    const french = DEMO_AGENTS.filter((a) => a.languages.some((l) => l.code === 'fr')).length;
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid="agent-row"]').length === n, french);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByTestId('teams-table').getByText(DEMO_TEAM.name).waitFor();
    await shot(page, '03-teams');
  });

  it('creates an agent: a wrong time zone is refused next to the field, fixed, then listed; removing reports the outcome', async () => {
    const { page } = s;
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.goto('/agents');
    await page.getByTestId('add-agent').click();
    await page.waitForURL('**/agents/new');

    await page.getByLabel('Display name').fill('Lucía Navarro');
    await page.getByRole('textbox', { name: 'Email' }).fill('lucia.navarro@browser.test');
    await page.getByLabel('Team').selectOption({ label: DEMO_TEAM.name });
    await page.getByLabel('Time zone').fill('Europe/Atlantis');
    await page.locator('#language-0-code').selectOption('es');
    await page.locator('#language-0-level').selectOption('native');
    await page.getByLabel('Chat').check();
    await page.getByLabel('Contract hours per week').fill('32');
    await page.getByTestId('save-agent').click();

    const zoneError = page.locator('#timeZone-error');
    await zoneError.waitFor();
    expect(await zoneError.textContent()).toContain('Unknown time zone');
    expect(await page.getByLabel('Time zone').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Time zone').getAttribute('aria-describedby')).toBe('timeZone-error');
    expect(new URL(page.url()).pathname).toBe('/agents/new');
    await shot(page, '04-agent-form-error');

    await page.getByLabel('Time zone').fill('Europe/Madrid');
    await zoneError.waitFor({ state: 'detached' });
    await page.getByTestId('save-agent').click();
    await page.waitForURL((url) => url.pathname === '/agents');
    await page.getByTestId('list-notice').getByText('Lucía Navarro was added.').waitFor();
    const row = page.getByTestId('agent-row').filter({ hasText: 'Lucía Navarro' });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/Europe\/Madrid · \d\d:\d\d CES?T/);
    expect(await row.textContent()).toContain('ES native');

    // Edit: the form loads the saved values; a change is saved and reported.
    await row.getByRole('link', { name: 'Lucía Navarro', exact: true }).click();
    await page.waitForURL(/\/agents\/[^/]+$/);
    await page.getByRole('heading', { name: 'Lucía Navarro' }).waitFor();
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Madrid');
    expect(await page.getByLabel('Chat').isChecked()).toBe(true);
    await page.getByLabel('Contract hours per week').fill('36');
    await page.getByLabel('Remote').check();
    await shot(page, '05-agent-edit');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL((url) => url.pathname === '/agents');
    await page.getByTestId('list-notice').getByText('Lucía Navarro was saved.').waitFor();
    // The list shows its last page at once and reloads: wait for the reloaded row.
    await row.filter({ hasText: '36' }).filter({ hasText: 'Remote' }).waitFor();

    // A new agent has no shifts, so the server deletes rather than archives, and says so.
    await row.getByRole('button', { name: 'Archive or delete Lucía Navarro' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await shot(page, '05-confirm-remove', false);
    await dialog.getByRole('button', { name: 'Archive or delete' }).click();
    await page.getByTestId('list-notice').getByText('Lucía Navarro was deleted.').waitFor();
    await row.waitFor({ state: 'detached' });
  });

  it('shows a server field error (email already in use) next to the email field', async () => {
    const { page } = s;
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.goto('/agents/new');
    const taken = DEMO_AGENTS[0];
    await page.getByLabel('Display name').fill('Someone Else');
    await page.getByRole('textbox', { name: 'Email' }).fill(taken.email);
    await page.getByLabel('Team').selectOption({ label: DEMO_TEAM.name });
    await page.getByLabel('Region').selectOption({ label: 'Moscow (RU, RUB)' });
    // Picking a region pre-fills its default zone.
    expect(await page.getByLabel('Time zone').inputValue()).toBe('Europe/Moscow');
    await page.locator('#language-0-code').selectOption('ru');
    await page.getByLabel('Phone').check();
    await page.getByTestId('save-agent').click();

    const emailError = page.locator('#email-error');
    await emailError.waitFor();
    expect(await emailError.textContent()).toContain(`Another agent already uses ${taken.email}`);
    expect(await page.getByTestId('form-error').textContent()).toContain('already uses');
    expect(new URL(page.url()).pathname).toBe('/agents/new');
    await shot(page, '06-agent-form-server-error');
  });

  it('creates a team, refusing an unknown zone first, and edits it', async () => {
    const { page } = s;
    await logIn(page, ADMIN.email, ADMIN.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('link', { name: 'Add team' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Night owls');
    await page.getByLabel('Description').fill('Covers the Asian morning.');
    await page.getByLabel('Time zone').fill('Asia/Atlantis');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.locator('#team-timeZone-error').getByText('Unknown time zone').waitFor();
    await page.getByLabel('Time zone').fill('Asia/Baku');
    await page.getByRole('button', { name: 'Add team' }).click();
    await page.waitForURL((url) => url.pathname === '/teams');
    await page.getByText('Night owls was added.').waitFor();
    const row = page.getByTestId('teams-table').locator('tr', { hasText: 'Night owls' });
    expect(await row.textContent()).toMatch(/Asia\/Baku · \d\d:\d\d GMT\+4/);

    await row.getByRole('link', { name: 'Edit Night owls' }).click();
    await page.getByRole('heading', { name: 'Night owls' }).waitFor();
    await shot(page, '03-team-form');
    await page.getByLabel('Name', { exact: true }).fill('Night owls (Baku)');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Night owls (Baku) was saved.').waitFor();
  });

  it('logs out: the session is gone and management pages ask for a login again', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL('**/login');
    expect(await page.evaluate(() => localStorage.getItem('shiftdesk.token'))).toBeNull();
    await page.goto('/agents');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(new URL(page.url()).searchParams.get('returnUrl')).toBe('/agents');
    await shot(page, '00-login');

    // A token the server no longer knows is dropped on start: back to the login, not a broken page.
    await page.evaluate(() => localStorage.setItem('shiftdesk.token', 'revoked-or-expired'));
    await page.goto('/teams');
    await page.waitForURL((url) => url.pathname === '/login');
    expect(await page.evaluate(() => localStorage.getItem('shiftdesk.token'))).toBeNull();
    // Signing in from there returns to the page that was asked for.
    await page.getByLabel('Email').fill(DEMO_MANAGER.email);
    await page.getByLabel('Password').fill(DEMO_MANAGER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === '/teams');
  });
});
