import type { Agent } from '@shiftdesk/shared-api-contract';
import { DEMO_MANAGER } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { api } from './support/helpers';

// Availability windows (issue 4) in the agent form: shown in the agent's own zone, edited per
// weekday, the API's window errors next to the window, "Any time" clears them.

describe('agent availability in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser();
  });

  afterEach(async () => {
    await s.close();
  });

  it('shows a remote agent’s weekday windows in their zone, refuses an overlap next to the window, and saves "Any time"', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    const token = (await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } })).token;
    const joana = (await api<{ items: Agent[] }>('/agents?search=joana.silva', { token })).items[0];
    expect(joana.availability).toEqual(Object.fromEntries([1, 2, 3, 4, 5].map((day) => [day, [{ start: '08:00', end: '21:00' }]])));

    await page.goto(`/agents/${joana.id}`);
    const section = page.getByTestId('availability');
    await section.waitFor();
    await expect(page.getByTestId('availability-zone').textContent()).resolves.toBe('Europe/Lisbon');
    await expect(page.locator('#availabilityAnyTime').isChecked()).resolves.toBe(false);
    await expect(page.locator('#availability-1-0-start').inputValue()).resolves.toBe('08:00');
    await expect(page.locator('#availability-5-0-end').inputValue()).resolves.toBe('21:00');
    await page.getByTestId('availability-day-6').getByText('Not available').waitFor();

    // A second Monday window that overlaps the first: the API names it, the form shows it there.
    await page.getByRole('button', { name: 'Add a window on Monday' }).click();
    await page.locator('#availability-1-1-start').fill('11:00');
    await page.locator('#availability-1-1-end').fill('14:00');
    await page.getByTestId('save-agent').click();
    await page.getByTestId('availability-1-1-error').getByText('Overlaps availability.1.0; join them into one window').waitFor();
    await shot(page, 'availability-overlap');

    await page.getByRole('button', { name: 'Remove window 2 on Monday' }).click();
    await page.locator('#availabilityAnyTime').check();
    await page.getByTestId('save-agent').click();
    await page.waitForURL('**/agents');
    expect((await api<Agent>(`/agents/${joana.id}`, { token })).availability).toBeNull();

    // Put the demo back as it was for the other browser specs.
    await api(`/agents/${joana.id}`, { method: 'PATCH', token, body: { availability: joana.availability } });
  });
});
