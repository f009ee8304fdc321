import type { Agent, ShiftPreferencesResponse } from '@shiftdesk/shared-api-contract';
import { DEMO_MANAGER } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';

// Shift preferences (issue 4): an agent keeps their own on their profile, on their own clock; the
// API's refusal shows next to the field; the manager sees and removes them on the agent's page.

describe('shift preferences in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser({ width: 1280, height: 1000 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('lets Marie (Lisbon) ask for free weekends and a late Friday, and her manager see and remove them', async () => {
    const { page } = s;
    await logIn(page, 'marie.dubois@demo.shiftdesk.local', 'demo-agent');
    await page.goto('/me');
    const editor = page.getByTestId('preferences');
    await editor.getByTestId('preference-empty').waitFor();
    await editor.getByText('(Europe/Lisbon)').waitFor();

    // A date in the past: the API says why, next to the date.
    await editor.getByTestId('preference-date').fill('2020-01-06');
    await editor.getByTestId('preference-add').click();
    await editor.getByTestId('preference-error-date').getByText(/must be today \(\d{4}-\d\d-\d\d, Europe\/Lisbon\) or later/).waitFor();

    // Free every Saturday and Sunday, important.
    await editor.getByTestId('preference-weekly').check();
    await editor.getByTestId('preference-day-6').check();
    await editor.getByTestId('preference-day-7').check();
    await editor.getByTestId('preference-strength').selectOption('strong');
    await editor.getByTestId('preference-note').fill('Weekends with the kids');
    await editor.getByTestId('preference-add').click();
    await editor.getByTestId('preference-item').filter({ hasText: 'Every Sat, Sun, whole day' }).waitFor();
    expect(await editor.getByTestId('preference-error').count()).toBe(0);

    // Work Fridays 14:00–22:00 on her clock.
    await editor.getByTestId('preference-kind-work').check();
    await editor.getByTestId('preference-day-5').check();
    await editor.getByTestId('preference-whole-day').uncheck();
    await editor.getByTestId('preference-start').fill('14:00');
    await editor.getByTestId('preference-end').fill('22:00');
    await editor.getByTestId('preference-strength').selectOption('normal');
    await editor.getByTestId('preference-add').click();
    await editor.getByTestId('preference-item').filter({ hasText: 'Every Fri, 14:00–22:00' }).waitFor();
    await shot(page, 'preferences-profile');

    // The manager sees both on Marie's page and removes the weekend one.
    const token = (await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } })).token;
    const marie = (await api<{ items: Agent[] }>('/agents?search=marie.dubois', { token })).items[0];
    const m = await openBrowser({ width: 1280, height: 1000 });
    try {
      await logIn(m.page, DEMO_MANAGER.email, DEMO_MANAGER.password);
      await m.page.goto(`/agents/${marie.id}`);
      const managerView = m.page.getByTestId('preferences');
      await managerView.getByTestId('preference-item').nth(1).waitFor();
      await managerView.getByText('on the agent’s clock (Europe/Lisbon)').waitFor();
      const weekend = managerView.getByTestId('preference-item').filter({ hasText: 'Weekends with the kids' });
      await weekend.getByRole('button', { name: /Remove preference/ }).click();
      await weekend.waitFor({ state: 'detached' });
    } finally {
      await m.close();
    }
    const left = await api<ShiftPreferencesResponse>(`/preferences?agentId=${marie.id}`, { token });
    expect(left.items.map((p) => [p.kind, p.weekdays, p.startTime, p.endTime, p.timeZone])).toEqual([['work', [5], '14:00', '22:00', 'Europe/Lisbon']]);

    // Leave the demo desk as it was for the other browser specs.
    await api(`/preferences/${left.items[0].id}`, { method: 'DELETE', token });
  });
});
