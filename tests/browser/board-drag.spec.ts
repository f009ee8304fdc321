import type { Locator, Page } from 'playwright-core';
import { DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { localDate, addDays, dayLabel, api } from './support/helpers';

// Dragging shifts on the roster board. The demo desk is shared with the other browser tests, so
// everything here happens six weeks ahead (past the 4-week gap scan, so no alert changes) to
// agents no other test plans, and the rotation made for the "cannot drag" case is deleted again.
// Europe/Moscow has no DST, so local times map to UTC by a fixed +03:00.

const ZONE = DEMO_TEAM.timeZone;
const WEEKS_AHEAD = 6;

function moscow(date: string, time: string): string {
  return new Date(`${date}T${time}:00+03:00`).toISOString();
}

/** Presses on `from`'s middle and releases over `to`'s, through pointer events, in steps like a hand would. */
async function drag(page: Page, from: Locator, to: Locator, beforeRelease?: () => Promise<void>): Promise<void> {
  await from.scrollIntoViewIfNeeded();
  const a = await from.boundingBox();
  const b = await to.boundingBox();
  if (!a || !b) throw new Error('drag: an element is not visible');
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await beforeRelease?.();
  await page.mouse.up();
}

/**
 * Like `drag`, for a target below the window: holds the pointer at the window's bottom edge until
 * the board has scrolled the target into view, then drops on it.
 */
async function dragDown(page: Page, from: Locator, to: Locator): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const a = await from.boundingBox();
  if (!a) throw new Error('dragDown: the bar is not visible');
  const height = page.viewportSize()?.height ?? 900;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2, height - 8, { steps: 8 });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const b = await to.boundingBox();
    if (b && b.y + b.height < height - 60) {
      await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 4 });
      break;
    }
    if (Date.now() > deadline) throw new Error('dragDown: the board did not scroll the target into view');
    await page.mouse.move(a.x + a.width / 2, height - 8 + (Date.now() % 2));
    await page.waitForTimeout(50);
  }
  await page.mouse.up();
}

async function openWeek(page: Page, monday: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roster' }).click();
  await page.getByTestId('roster-board').waitFor();
  for (let i = 0; i < WEEKS_AHEAD; i++) await page.getByTestId('next-week').click();
  await page.getByTestId('week-label').getByText(dayLabel(monday)).waitFor();
}

describe('dragging shifts on the roster board', () => {
  let s: Session;
  const today = localDate(ZONE);
  const monday = addDays(today, 1 - (new Date(`${today}T00:00:00Z`).getUTCDay() || 7) + 7 * WEEKS_AHEAD);
  const [tuesday, wednesday, thursday, friday] = [1, 2, 3, 4].map((d) => addDays(monday, d));

  beforeEach(async () => {
    // Shorter than the board: reaching the last rows while dragging needs the board's auto-scroll.
    s = await openBrowser({ width: 1440, height: 900 });
  });

  afterEach(async () => {
    await s.close();
  });

  it('moves a shift to another day and keeps it there; an overlap is refused and the bar goes back; rotation shifts stay put', async () => {
    const { page } = s;
    const { token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } });
    const team = (await api<{ id: string; name: string }[]>('/teams', { token })).find((t) => t.name === DEMO_TEAM.name);
    if (!team) throw new Error('no demo team');
    const agents = (await api<{ items: { id: string; displayName: string }[] }>(`/agents?teamId=${team.id}&pageSize=200`, { token })).items;
    const idOf = (name: string) => agents.find((a) => a.displayName === name)?.id ?? '';
    const shift = await api<{ id: string }>(`/teams/${team.id}/shifts`, {
      method: 'POST',
      token,
      body: { agentId: idOf('Dmitri Volkov'), start: moscow(tuesday, '09:00'), end: moscow(tuesday, '17:00'), timeZone: ZONE, label: 'Early' },
    });
    await api(`/teams/${team.id}/shifts`, { method: 'POST', token, body: { agentId: idOf('Tatiana Morozova'), start: moscow(thursday, '08:00'), end: moscow(thursday, '16:00'), timeZone: ZONE } });
    const rotation = await api<{ id: string }>(`/teams/${team.id}/rotations`, {
      method: 'POST',
      token,
      body: { name: 'Drag test one-off', timeZone: ZONE, localStartTime: '10:00', localEndTime: '18:00', rrule: 'FREQ=DAILY;COUNT=1', exdates: [], agentIds: [idOf('Alexei Lebedev')], handoff: { mode: 'turns', every: 1 }, startDate: wednesday },
    });

    try {
      await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
      await openWeek(page, monday);
      const dmitri = page.locator('[data-testid="roster-row"][data-agent="Dmitri Volkov"]');
      const bar = dmitri.locator(`[data-date="${tuesday}"]`).getByTestId('shift-bar');
      await bar.waitFor();
      expect(await bar.textContent()).toContain('09:00–17:00 UTC+3');

      // Tuesday → Friday: a preview follows the pointer, the original waits dashed, the drop saves.
      await drag(page, bar, dmitri.locator(`[data-date="${friday}"]`), async () => {
        await dmitri.locator(`[data-date="${friday}"]`).getByTestId('shift-bar-preview').waitFor();
        expect(await page.getByTestId('drag-hint').textContent()).toBe(`Drop to move it to Dmitri Volkov, ${dayLabel(friday)} 09:00–17:00 UTC+3.`);
        await shot(page, '40-board-dragging');
      });
      await page.getByTestId('board-notice').getByText(`Shift moved to Dmitri Volkov, ${dayLabel(friday)} 09:00–17:00 UTC+3.`).waitFor();
      const fridayBar = dmitri.locator(`[data-date="${friday}"]`).getByTestId('shift-bar');
      await fridayBar.waitFor();
      expect(await dmitri.locator(`[data-date="${tuesday}"]`).getByTestId('shift-bar').count()).toBe(0);
      expect(await page.getByTestId('shift-dialog').isVisible()).toBe(false);
      await shot(page, '41-board-moved');

      // Saved: the API has it, and a reload shows it on Friday.
      const saved = await api<{ start: string; end: string; agentId: string; label: string }>(`/teams/${team.id}/shifts/${shift.id}`, { token });
      expect(saved).toMatchObject({ start: moscow(friday, '09:00'), end: moscow(friday, '17:00'), agentId: idOf('Dmitri Volkov'), label: 'Early' });
      await page.reload();
      await openWeek(page, monday);
      await fridayBar.waitFor();
      expect(await fridayBar.textContent()).toContain('09:00–17:00 UTC+3');

      // Onto Tatiana's Thursday (the last row, below the window: the board scrolls while
      // dragging), where she already works 08:00–16:00: refused with the API's reason in the
      // board's zone, and the bar is back on Dmitri's Friday.
      const tatianaThursday = page.locator('[data-testid="roster-row"][data-agent="Tatiana Morozova"]').locator(`[data-date="${thursday}"]`);
      expect((await tatianaThursday.boundingBox())?.y ?? 0).toBeGreaterThan(900);
      await dragDown(page, fridayBar, tatianaThursday);
      const error = page.getByTestId('move-error');
      await error.getByText(`Not moved to Tatiana Morozova, ${dayLabel(thursday)} 09:00–17:00 UTC+3: Tatiana Morozova already has a shift ${dayLabel(thursday)} 08:00–16:00 UTC+3 overlapping this one.`).waitFor();
      await fridayBar.waitFor();
      expect(await tatianaThursday.getByTestId('shift-bar').count()).toBe(1);
      await shot(page, '42-board-move-refused');
      expect((await api<{ start: string; agentId: string }>(`/teams/${team.id}/shifts/${shift.id}`, { token })).agentId).toBe(idOf('Dmitri Volkov'));

      // The rotation's shift cannot be dragged, and the board says why.
      const alexei = page.locator('[data-testid="roster-row"][data-agent="Alexei Lebedev"]');
      const rotationBar = alexei.locator(`[data-date="${wednesday}"]`).getByTestId('shift-bar');
      await drag(page, rotationBar, alexei.locator(`[data-date="${thursday}"]`));
      await page.getByTestId('board-notice').getByText(/comes from a rotation, so it cannot be dragged: click it to have someone cover it/).waitFor();
      expect(await alexei.locator(`[data-date="${wednesday}"]`).getByTestId('shift-bar').count()).toBe(1);
      expect(await alexei.locator(`[data-date="${thursday}"]`).getByTestId('shift-bar').count()).toBe(0);

      // Clicked, it asks who covers it: Tatiana takes the last four hours (an override).
      await rotationBar.click();
      const cover = page.getByTestId('override-dialog');
      await cover.getByRole('heading', { name: 'Cover this rotation shift' }).waitFor();
      expect(await cover.getByLabel('From').inputValue()).toBe('10:00');
      expect(await cover.getByLabel('To').inputValue()).toBe('18:00');
      await cover.getByTestId('save-override').click();
      await cover.getByTestId('override-agent-error').getByText('Choose who covers the shift.').waitFor();
      await cover.getByLabel('Covered by').selectOption({ label: 'Tatiana Morozova' });
      await cover.getByLabel('From').fill('14:00');
      await shot(page, '43-board-cover-dialog', false);
      await cover.getByTestId('save-override').click();
      await cover.waitFor({ state: 'hidden' });
      await page.getByTestId('board-notice').getByText(`Tatiana Morozova covers Alexei Lebedev's shift, ${dayLabel(wednesday)} 14:00–18:00 UTC+3.`).waitFor();
      const tatianaWednesday = page.locator('[data-testid="roster-row"][data-agent="Tatiana Morozova"]').locator(`[data-date="${wednesday}"]`).getByTestId('shift-bar');
      await tatianaWednesday.waitFor();
      expect(await tatianaWednesday.textContent()).toMatch(/14[–:]/);
      await page.waitForFunction((date) => /10[–:]00?.*14/.test(document.querySelector(`[data-testid="roster-row"][data-agent="Alexei Lebedev"] [data-date="${date}"] [data-testid="shift-bar"]`)?.textContent ?? ''), wednesday);
      const week = `from=${encodeURIComponent(moscow(monday, '00:00'))}&to=${encodeURIComponent(moscow(addDays(monday, 7), '00:00'))}`;
      const [override] = await api<{ id: string; start: string; end: string; replacesAgentId: string }[]>(`/teams/${team.id}/overrides?${week}`, { token });
      expect(override).toMatchObject({ start: moscow(wednesday, '14:00'), end: moscow(wednesday, '18:00'), replacesAgentId: idOf('Alexei Lebedev') });

      // The cover clicked: removed after a confirmation, Alexei works the whole shift again.
      await tatianaWednesday.click();
      const removeCover = page.getByRole('dialog', { name: 'Remove this cover?' });
      await removeCover.getByTestId('confirm').click();
      await page.getByTestId('board-notice').getByText(/^Cover removed/).waitFor();
      await tatianaWednesday.waitFor({ state: 'detached' });
      await page.waitForFunction((date) => /10[–:]00?.*18/.test(document.querySelector(`[data-testid="roster-row"][data-agent="Alexei Lebedev"] [data-date="${date}"] [data-testid="shift-bar"]`)?.textContent ?? ''), wednesday);
      expect(await api<unknown[]>(`/teams/${team.id}/overrides?${week}`, { token })).toEqual([]);

      // The keyboard's drag: Alt+← on the focused bar moves it back a day.
      await fridayBar.focus();
      await page.keyboard.press('Alt+ArrowLeft');
      await page.getByTestId('board-notice').getByText(`Shift moved to Dmitri Volkov, ${dayLabel(thursday)} 09:00–17:00 UTC+3.`).waitFor();
      await dmitri.locator(`[data-date="${thursday}"]`).getByTestId('shift-bar').waitFor();
      expect((await api<{ start: string }>(`/teams/${team.id}/shifts/${shift.id}`, { token })).start).toBe(moscow(thursday, '09:00'));
    } finally {
      await api(`/teams/${team.id}/rotations/${rotation.id}`, { method: 'DELETE', token });
    }
  });

  it("gives agents nothing to drag: their board is read-only", async () => {
    const { page } = s;
    const dmitri = DEMO_AGENTS.find((a) => a.displayName === 'Dmitri Volkov') ?? DEMO_AGENTS[0];
    await logIn(page, dmitri.email, DEMO_AGENT_PASSWORD);
    await openWeek(page, monday);
    const row = page.locator('[data-testid="roster-row"][data-agent="Dmitri Volkov"]');
    const bar = row.getByTestId('shift-bar').first();
    await bar.waitFor();
    const before = await bar.getAttribute('data-shift-id');
    const from = await bar.evaluate((el) => el.closest('td')?.getAttribute('data-date'));
    const target = row.locator(`[data-date="${monday}"]`);
    await drag(page, bar, target, async () => {
      expect(await page.getByTestId('shift-bar-preview').count()).toBe(0);
    });
    expect(await page.getByTestId('shift-dialog').isVisible()).toBe(false);
    expect(await row.locator(`[data-date="${from}"]`).locator(`[data-shift-id="${before}"]`).count()).toBe(1);
    expect(await target.getByTestId('shift-bar').count()).toBe(0);
  });
});
