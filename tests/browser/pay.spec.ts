import { DEMO_AGENT_PASSWORD, DEMO_MANAGER } from '../../apps/api/src/modules/demo/demo-desk';
import { DEMO_BELOW_BAND_AGENT } from '../../apps/api/src/modules/demo/demo-pay';
import { logIn, openBrowser, type Session, shot } from './support/browser';

// Issue 7 in the browser: the demo manager opens Pay, sees the Moscow office junior flagged
// below band (a dot outside the Moscow band), raises the salary from today on the agent's pay
// tab, and the flag clears there and on the bands screen. Agents have no Pay link and the
// route sends them home.

describe('pay in the browser', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser({ width: 1440, height: 1000 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('shows the Moscow junior below band, and the flag clears after a raise', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pay' }).click();
    await page.getByTestId('band-group').first().waitFor();

    // The Moscow office group has the junior band with Ivan's dot in it; its minimum is under Moscow's minimum wage.
    const moscow = page.locator('[data-testid="band-group"][data-group="Moscow · office · RUB"]');
    const junior = moscow.locator('[data-testid="band-row"][data-level="junior"]');
    await junior.getByRole('link', { name: DEMO_BELOW_BAND_AGENT }).waitFor();
    // Ivan's dot sits left of the band, drawn as below band.
    await junior.locator('[data-testid="band-dot"].dot-below').filter({ hasText: DEMO_BELOW_BAND_AGENT }).waitFor({ state: 'attached' });
    await junior.getByTestId('band-below-minimum-wage').waitFor();

    const ivan = page.locator(`[data-testid="flag-row"][data-agent="${DEMO_BELOW_BAND_AGENT}"]`);
    await ivan.getByTestId('flag').filter({ hasText: 'below band' }).waitFor();
    await shot(page, 'pay-01-bands');

    await ivan.getByRole('link', { name: DEMO_BELOW_BAND_AGENT }).click();
    await page.getByTestId('agent-pay-name').filter({ hasText: DEMO_BELOW_BAND_AGENT }).waitFor();
    await page.getByTestId('agent-flags').getByText('below band').waitFor();
    await page.getByTestId('salary-history').waitFor();

    // A raise to 33 000 RUB a month from today (the default date, in the team's zone).
    await page.getByTestId('salary-amount').fill('33 000');
    await page.getByTestId('salary-save').click();
    await page.getByTestId('no-agent-flags').waitFor();
    expect(await page.getByTestId('salary-history').locator('tbody tr').count()).toBe(2);
    await page.getByTestId('salary-history').getByText('33\u202f000 RUB').waitFor();
    await shot(page, 'pay-02-agent-raised');

    await page.getByRole('link', { name: '← Pay bands' }).click();
    await page.getByTestId('band-group').first().waitFor();
    const raisedRow = page.locator('[data-testid="band-group"][data-group="Moscow · office · RUB"] [data-testid="band-row"][data-level="junior"]');
    await raisedRow.locator('[data-testid="band-dot"].dot-ok').filter({ hasText: `${DEMO_BELOW_BAND_AGENT}: 33` }).waitFor({ state: 'attached' });
    expect(await page.locator(`[data-testid="flag-row"][data-agent="${DEMO_BELOW_BAND_AGENT}"]`).count()).toBe(0);

    // The cost dashboard prices the team and shows the what-if options side by side, labelled an estimate.
    await page.getByTestId('pay-cost-link').click();
    await page.getByTestId('cost-report').waitFor();
    expect(await page.getByTestId('cost-total').textContent()).toMatch(/RUB$/);
    await page.getByTestId('what-if').getByText('estimate', { exact: true }).waitFor();
    expect(await page.getByTestId('what-if-bar').count()).toBe(5);
    expect(await page.getByTestId('what-if-row').count()).toBe(5);
    await shot(page, 'pay-03-cost');
  });

  it('gives agents no Pay link and no pay page', async () => {
    const { page } = s;
    await logIn(page, 'ivan.petrov@demo.shiftdesk.local', DEMO_AGENT_PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link').first().waitFor();
    expect(await nav.getByRole('link', { name: 'Pay' }).count()).toBe(0);
    await page.goto('/pay');
    await page.getByTestId('denied').waitFor();
    expect(new URL(page.url()).pathname).not.toMatch(/^\/pay/);
  });
});
