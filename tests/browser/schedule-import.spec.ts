import { DEMO_MANAGER, DEMO_TEAM } from '../../apps/api/src/modules/demo/demo-desk';
import { logIn, openBrowser, type Session, shot } from './support/browser';
import { addDays, api, dayLabel, localDate } from './support/helpers';

// A desk moving from Opsgenie or Grafana OnCall: the manager pastes the schedule, previews who
// works the next shifts, and imports it as rotations. The rotations run two weeks far ahead
// (weeks 30 and 32), so the other browser tests sharing the demo desk never meet their shifts,
// and are deleted afterwards.

const ZONE = DEMO_TEAM.timeZone;
/** Someone on call in OnCall who is not an agent of the demo desk yet. */
const NEWCOMER_EMAIL = `zoe.martin.${Date.now()}@example.com`;

describe('importing a schedule from Opsgenie or Grafana OnCall in the browser', () => {
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
    for (const rotation of rotations.filter((r) => r.name.startsWith('Support on-call') || r.name.startsWith('Night desk'))) await api(`/teams/${teamId}/rotations/${rotation.id}`, { method: 'DELETE', token });
    // The agent the OnCall import added leaves the demo desk as it was for the other tests.
    const agents = await api<{ items: { id: string; email: string }[] }>(`/agents?teamId=${teamId}&pageSize=200`, { token });
    for (const agent of agents.items.filter((a) => a.email === NEWCOMER_EMAIL)) await api(`/agents/${agent.id}`, { method: 'DELETE', token });
  });

  it('previews, then imports, an Opsgenie schedule as a rotation that continues the turns', async () => {
    const { page } = s;
    await logIn(page, DEMO_MANAGER.email, DEMO_MANAGER.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rotations' }).click();
    await page.getByTestId('open-opsgenie-import').click();
    const dialog = page.getByTestId('schedule-import-dialog');
    await dialog.getByRole('heading', { name: 'Import an Opsgenie schedule' }).waitFor();

    // Text that is not JSON: the dialog says so and imports nothing.
    await dialog.getByLabel('Schedule (JSON)').fill('{"data": ');
    await dialog.getByTestId('schedule-import-preview-button').click();
    await dialog.getByTestId('schedule-import-error').getByText(/schedule: is not valid JSON/).waitFor();
    expect(await dialog.getByTestId('schedule-import-button').count()).toBe(0);

    await dialog.getByLabel('Schedule (JSON)').fill(JSON.stringify(schedule, null, 2));
    await dialog.getByLabel('Start on').fill(monday);
    await dialog.getByTestId('schedule-import-preview-button').click();
    const preview = dialog.getByTestId('schedule-import-preview');
    await preview.waitFor();
    const rotation = preview.getByTestId('schedule-import-rotation');
    expect(await rotation.count()).toBe(1);
    expect(await rotation.textContent()).toContain(`18:00–22:00 ${ZONE} · every day · 7 shifts each`);
    // Third week of the rotation: back to Anna (Anna, Dmitri, Anna); Dmitri from the Monday after.
    expect(await rotation.getByTestId('schedule-import-turns').textContent()).toBe(`Anna Smirnova ${dayLabel(monday)} – ${dayLabel(addDays(monday, 6))} · Dmitri Volkov from ${dayLabel(addDays(monday, 7))}`);
    expect(await dialog.getByTestId('schedule-import-warnings').textContent()).toContain('has an escalation participant (Escalate to leads)');
    await shot(page, '60-opsgenie-preview');

    await dialog.getByTestId('schedule-import-button').click();
    await page.getByTestId('rotation-notice').getByText(`Imported 1 rotation from "Support on-call", from ${monday}.`).waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.locator('[data-testid="rotation-row"]', { hasText: 'Support on-call · Evening' }).waitFor();

    // The API holds what was previewed: two weeks from that Monday, Anna then Dmitri.
    const rotations = await api<{ name: string; startDate: string; endDate: string; agentIds: string[]; handoff: unknown }[]>(`/teams/${teamId}/rotations`, { token });
    const imported = rotations.find((r) => r.name === 'Support on-call · Evening');
    expect(imported).toMatchObject({ startDate: monday, endDate: addDays(monday, 14), handoff: { mode: 'turns', every: 7 } });
  });

  it('previews, then imports, Grafana OnCall rotations with their users list, adding the one person who is not an agent yet', async () => {
    const { page } = s;
    const week = addDays(monday, 14);
    // Weeknights 22:00–06:00 on the schedule's clock (no zone of its own), handed over on Mondays;
    // started the week before, so Dmitri (the second group) has this week and Zoé the next.
    const shifts = {
      count: 2,
      next: null,
      results: [
        { id: 'O1', name: 'Night desk', type: 'rolling_users', time_zone: null, level: 0, start: `${addDays(week, -7)}T22:00:00`, duration: 28800, frequency: 'weekly', interval: 1, week_start: 'MO', by_day: ['MO', 'TU', 'WE', 'TH', 'FR'], until: `${addDays(week, 14)}T00:00:00`, rolling_users: [['UANNA'], ['UDMITRI'], ['UZOE']] },
        { id: 'O2', name: 'Release night', type: 'single_event', time_zone: null, level: 0, start: `${week}T20:00:00`, duration: 21600, users: ['UANNA'] },
      ],
    };
    const users = {
      results: [
        { id: 'UANNA', email: 'anna.smirnova@demo.shiftdesk.local', username: 'anna' },
        { id: 'UDMITRI', email: 'dmitri.volkov@demo.shiftdesk.local', username: 'dmitri' },
        { id: 'UZOE', email: NEWCOMER_EMAIL, username: 'zoe', name: 'Zoé Martin', timezone: 'Europe/Paris' },
      ],
    };

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rotations' }).click();
    await page.getByTestId('open-grafana-oncall-import').click();
    const dialog = page.getByTestId('schedule-import-dialog');
    await dialog.getByRole('heading', { name: 'Import Grafana OnCall rotations' }).waitFor();
    // The team's zone stands in for the schedule's; the Opsgenie text of the last import is gone.
    expect(await dialog.getByLabel("Schedule's time zone").inputValue()).toBe(ZONE);
    expect(await dialog.getByLabel('Shifts (JSON)').inputValue()).toBe('');

    // Shifts without the users list: the dialog names the users it cannot match.
    await dialog.getByLabel('Shifts (JSON)').fill(JSON.stringify(shifts));
    await dialog.getByLabel('Start on').fill(week);
    await dialog.getByTestId('schedule-import-preview-button').click();
    await dialog.getByTestId('schedule-import-error').getByText(/UANNA, UDMITRI, UZOE: these OnCall users are not in the users list/).waitFor();

    // With the users: Zoé is not an agent of the desk, until the import may add her.
    await dialog.getByLabel('Users (JSON)').fill(JSON.stringify(users));
    await dialog.getByTestId('schedule-import-preview-button').click();
    await dialog.getByTestId('schedule-import-error').getByText(`${NEWCOMER_EMAIL} is not an agent of this team`, { exact: false }).waitFor();
    await dialog.getByTestId('schedule-import-add-missing').check();
    await dialog.getByTestId('schedule-import-preview-button').click();
    const added = dialog.getByTestId('schedule-import-added');
    await added.waitFor();
    expect(await added.textContent()).toContain('Adds 1 agent');
    expect(await added.textContent()).toContain(`Zoé Martin · ${NEWCOMER_EMAIL} · Europe/Paris`);
    const rotation = dialog.getByTestId('schedule-import-rotation');
    await rotation.waitFor();
    expect(await rotation.count()).toBe(1);
    expect(await rotation.textContent()).toContain(`22:00–06:00 ${ZONE} · Mon, Tue, Wed, Thu, Fri · 5 shifts each`);
    expect(await rotation.getByTestId('schedule-import-turns').textContent()).toBe(`Dmitri Volkov ${dayLabel(week)} – ${dayLabel(addDays(week, 4))} · Zoé Martin from ${dayLabel(addDays(week, 7))}`);
    expect(await dialog.getByTestId('schedule-import-warnings').textContent()).toContain('"Release night" is a one-off event');
    await shot(page, '62-grafana-oncall-preview');

    await dialog.getByTestId('schedule-import-button').click();
    await page.getByTestId('rotation-notice').getByText(`Imported 1 rotation from Grafana OnCall, from ${week} and added 1 agent (complete them on the Agents page).`).waitFor();
    // The team's list now holds Zoé: the rotation's editor names her third in the turn order.
    const row = page.locator('[data-testid="rotation-row"]', { hasText: 'Night desk' });
    await row.getByText('3 agents', { exact: false }).waitFor();
    await row.getByRole('button', { name: /^Night desk/ }).click();
    await page.locator('ol.agent-order li').nth(2).getByText('Zoé Martin').waitFor();
    const rotations = await api<{ name: string; startDate: string; endDate: string; agentIds: string[]; timeZone: string }[]>(`/teams/${teamId}/rotations`, { token });
    const imported = rotations.find((r) => r.name === 'Night desk');
    expect(imported).toMatchObject({ startDate: week, endDate: addDays(week, 14), timeZone: ZONE });
    const agents = await api<{ items: { id: string; email: string; displayName: string; timeZone: string }[] }>(`/agents?teamId=${teamId}&pageSize=200`, { token });
    const zoe = agents.items.find((a) => a.email === NEWCOMER_EMAIL);
    expect(zoe).toMatchObject({ displayName: 'Zoé Martin', timeZone: 'Europe/Paris' });
    expect(imported?.agentIds[2]).toBe(zoe?.id);
  });
});
