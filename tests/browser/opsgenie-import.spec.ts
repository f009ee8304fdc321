import { DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { addDays, api, dayLabel, localDate } from './support/helpers';

// A desk moving from Opsgenie: the manager pastes the schedule, previews who works the next
// shifts, and imports it as a rotation. The rotation runs two weeks far ahead (week 30), so the
// other browser tests sharing the demo desk never meet its shifts, and is deleted afterwards.

const ZONE = DEMO_TEAM.timeZone;

describe('importing an Opsgenie schedule in the browser', () => {
  let s: Session;
  let token = '';
  let teamId = '';
  const today = localDate(ZONE);
  const monday = addDays(today, 1 - (new Date(`${today}T00:00:00Z`).getUTCDay() || 7) + 7 * 30);

  // Weekly handoff on Mondays at 09:00 Moscow (06:00 UTC), started two weeks before: Dmitri's turn is next.
  const schedule = {
    data: {
      name: 'Support on-call',
      timezone: ZONE,
      rotations: [
        {
          name: 'Evening',
          type: 'weekly',
          length: 1,
          startDate: `${addDays(monday, -14)}T06:00:00Z`,
          endDate: `${addDays(monday, 14)}T06:00:00Z`,
          participants: [
            { type: 'user', username: 'anna.smirnova@demo.shiftdesk.local' },
            { type: 'user', username: 'Dmitri.Volkov@demo.shiftdesk.local' },
            { type: 'escalation', name: 'Escalate to leads' },
          ],
          timeRestriction: { type: 'time-of-day', restriction: { startHour: 18, startMin: 0, endHour: 22, endMin: 0 } },
        },
      ],
    },
  };

  beforeAll(async () => {
    ({ token } = await api<{ token: string }>('/auth/login', { method: 'POST', body: { email: DEMO_MANAGER.email, password: DEMO_MANAGER.password } }));
    const [team] = await api<{ id: string }[]>('/teams', { token });
    if (!team) throw new Error('no demo team');
    teamId = team.id;
    s = await openBrowser({ width: 1280, height: 1000 });
  });

  afterAll(async () => {
    await s.close();
    const rotations = await api<{ id: string; name: string }[]>(`/teams/${teamId}/rotations`, { token });
    for (const rotation of rotations.filter((r) => r.name.startsWith('Support on-call'))) await api(`/teams/${teamId}/rotations/${rotation.id}`, { method: 'DELETE', token });
  });

  it('previews, then imports, the schedule as a rotation that continues the turns', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rotations' }).click();
    await page.getByTestId('open-opsgenie-import').click();
    const dialog = page.getByTestId('opsgenie-dialog');
    await dialog.getByRole('heading', { name: 'Import an Opsgenie schedule' }).waitFor();

    // Text that is not JSON: the dialog says so and imports nothing.
    await dialog.getByLabel('Schedule (JSON)').fill('{"data": ');
    await dialog.getByTestId('opsgenie-preview-button').click();
    await dialog.getByTestId('opsgenie-error').getByText(/schedule: is not valid JSON/).waitFor();
    expect(await dialog.getByTestId('opsgenie-import-button').count()).toBe(0);

    await dialog.getByLabel('Schedule (JSON)').fill(JSON.stringify(schedule, null, 2));
    await dialog.getByLabel('Start on').fill(monday);
    await dialog.getByTestId('opsgenie-preview-button').click();
    const preview = dialog.getByTestId('opsgenie-preview');
    await preview.waitFor();
    const rotation = preview.getByTestId('opsgenie-rotation');
    expect(await rotation.count()).toBe(1);
    expect(await rotation.textContent()).toContain(`18:00–22:00 ${ZONE} · every day · 7 shifts each`);
    // Third week of the rotation: back to Anna (Anna, Dmitri, Anna); Dmitri from the Monday after.
    expect(await rotation.getByTestId('opsgenie-turns').textContent()).toBe(`Anna Smirnova ${dayLabel(monday)} – ${dayLabel(addDays(monday, 6))} · Dmitri Volkov from ${dayLabel(addDays(monday, 7))}`);
    expect(await dialog.getByTestId('opsgenie-warnings').textContent()).toContain('has an escalation participant (Escalate to leads)');
    await shot(page, '60-opsgenie-preview');

    await dialog.getByTestId('opsgenie-import-button').click();
    await page.getByTestId('rotation-notice').getByText(`Imported 1 rotation from "Support on-call", from ${monday}.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('[data-testid="rotation-row"]', { hasText: 'Support on-call · Evening' }).waitFor();

    // The API holds what was previewed: two weeks from that Monday, Anna then Dmitri.
    const rotations = await api<{ name: string; startDate: string; endDate: string; agentIds: string[]; handoff: unknown }[]>(`/teams/${teamId}/rotations`, { token });
    const imported = rotations.find((r) => r.name === 'Support on-call · Evening');
    expect(imported).toMatchObject({ startDate: monday, endDate: addDays(monday, 14), handoff: { mode: 'turns', every: 7 } });
  });
});
