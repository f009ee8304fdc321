import { DEMO_MANAGER } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session } from './support/browser';

// The built product under its Content-Security-Policy. openBrowser fails any test whose pages
// log a CSP violation; these tests check that what the policy could break still works.
describe('the product under its Content-Security-Policy', () => {
  let s: Session;

  beforeEach(async () => {
    s = await openBrowser();
  });

  afterEach(async () => {
    await s.close();
  });

  it('serves the web app with the policy, styled (global and component styles) and working', async () => {
    const { page } = s;
    const response = await page.goto('/login');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    // styles.css, the stylesheet, applies.
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(245, 246, 248)');
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    // The pay pages have component styles, which Angular adds as <style> elements at run time.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Pay' }).click();
    await page.getByTestId('band-group').first().waitFor();
    expect(await page.evaluate(() => document.querySelectorAll('style').length)).toBeGreaterThan(0);
  });

  it('serves the OpenAPI UI at /api/docs with its operations listed', async () => {
    const { page } = s;
    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toBeDefined();
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(20);
    expect(await page.getByText('Shiftdesk API').count()).toBeGreaterThan(0);
  });
});
