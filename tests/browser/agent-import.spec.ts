import { randomUUID } from 'node:crypto';
import { DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';

// A desk moving in brings its people as a CSV: the manager checks it, sees the bad line named,
// fixes it and imports all rows at once, with logins if asked: a temporary password each, which
// the agent replaces at the first sign-in. The agents are deleted afterwards (the demo desk is shared).

describe('importing agents from a CSV in the browser', () => {
  let s: Session;
  let token = '';
  const suffix = randomUUID().slice(0, 8);
  const emails = [`lucia.ferreira.${suffix}@example.com`, `kenji.sato.${suffix}@example.com`, `amara.okafor.${suffix}@example.com`];
  const csv = (kenjiZone: string) =>
    ['name,email,time zone,work mode,languages,channels,contract hours', `Lúcia Ferreira,${emails[0]},Europe/Lisbon,remote,pt:native; en:fluent,chat; email,30`, `Kenji Sato,${emails[1]},${kenjiZone},remote,ja; en:fluent,phone,40`].join('\n');

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } }));
    s = await openBrowser({ width: 1280, height: 1000 });
  });

  afterAll(async () => {
    await s.close();
    for (const email of emails) {
      const page = await api<{ items: { id: string }[] }>(`/agents?search=${encodeURIComponent(email)}`, { token });
      for (const agent of page.items) await api(`/agents/${agent.id}`, { method: 'DELETE', token });
    }
  });

  it('names the bad line, then imports every row once it is fixed', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByTestId('open-agent-import').click();
    const dialog = page.getByTestId('agent-import-dialog');
    await dialog.getByRole('heading', { name: 'Import agents from a CSV' }).waitFor();
    // Other browser tests give the demo manager more teams: choose the demo desk.
    await dialog.getByLabel('Team').selectOption({ label: DEMO_TEAM.name });

    await dialog.getByLabel('CSV').fill(csv('Tokyo'));
    await dialog.getByTestId('agent-import-check').click();
    await dialog.getByTestId('agent-import-error').getByText('line 3, time zone: "Tokyo" is not an IANA time zone', { exact: false }).waitFor();
    expect(await dialog.getByTestId('agent-import-submit').count()).toBe(0);

    await dialog.getByLabel('CSV').fill(csv('Asia/Tokyo'));
    await dialog.getByTestId('agent-import-check').click();
    await dialog.getByTestId('agent-import-preview').waitFor();
    expect(await dialog.getByTestId('agent-import-row').allTextContents()).toEqual([
      expect.stringContaining('Lúcia Ferreira'),
      expect.stringContaining('Kenji Sato'),
    ]);
    expect(await dialog.getByTestId('agent-import-row').nth(1).textContent()).toContain('ja (native), en (fluent)');
    await shot(page, '61-agent-import');

    await dialog.getByTestId('agent-import-submit').click();
    await page.getByTestId('list-notice').getByText(`Imported 2 agents into ${DEMO_TEAM.name}.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.getByLabel('Search').fill('Kenji');
    await page.getByTestId('agents-table').getByText('Kenji Sato').waitFor();
  });

  it('makes logins on request: the agent signs in with the temporary password and must choose their own first', async () => {
    const { page } = s;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Agents' }).click();
    await page.getByTestId('open-agent-import').click();
    const dialog = page.getByTestId('agent-import-dialog');
    await dialog.getByLabel('Team').selectOption({ label: DEMO_TEAM.name });
    await dialog.getByLabel('CSV').fill(['name,email,time zone,languages,channels', `Amara Okafor,${emails[2]},Africa/Lagos,en:native,email`].join('\n'));
    await dialog.getByTestId('agent-import-logins-option').check();
    await dialog.getByTestId('agent-import-check').click();
    await dialog.getByTestId('agent-import-submit').click();

    // The passwords are shown once, in the dialog, until Done.
    const login = dialog.getByTestId('agent-import-login');
    await login.waitFor();
    expect(await login.count()).toBe(1);
    const password = ((await login.locator('code').textContent()) ?? '').trim();
    expect(password).toMatch(/^[2-9a-z]{4}-[2-9a-z]{4}-[2-9a-z]{4}$/);
    await shot(page, '61-agent-import-logins');
    await dialog.getByTestId('agent-import-done').click();
    await page.getByTestId('list-notice').getByText(`Imported 1 agent into ${DEMO_TEAM.name}.`).waitFor();

    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await logIn(page, emails[2] as string, password);
    // Only the account page until a password of their own is chosen; no other page opens.
    await page.waitForURL((url) => url.pathname === '/account');
    await page.getByTestId('temporary-password').waitFor();
    await shot(page, '63-temporary-password');
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count()).toBe(0);
    await page.goto('/my-shifts');
    await page.waitForURL((url) => url.pathname === '/account');

    await page.getByLabel('Temporary password').fill(password);
    await page.getByLabel('New password', { exact: true }).fill('amara-own-password');
    await page.getByLabel('New password again').fill('amara-own-password');
    await page.getByTestId('change-password').click();
    await page.waitForURL((url) => url.pathname === '/my-shifts');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My shifts' }).waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
  });
});
