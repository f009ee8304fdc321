import type { Agent, CoverageRule, GapsResponse, Page, Region, ScheduleResponse, Team, ViolationsResponse } from '@shiftdesk/shared-api-contract';
import { DateTime } from 'luxon';
import { AgentEntity } from '../src/modules/agents/agent.entity';
import { UserEntity } from '../src/modules/auth/user.entity';
import { DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_CREWS, DEMO_MANAGER, DEMO_REGIONS, DEMO_ROSTER_WEEKS, DEMO_TEAM } from '../src/modules/demo/demo-desk';
import { RegionEntity } from '../src/modules/regions/region.entity';
import { ADMIN, bearer, bootTestApp, createTestDatabase, expectStatus } from './support/test-app';

describe('first start', () => {
  it('loads the demo desk once, with logins for the manager, the admin and every agent', async () => {
    const database = await createTestDatabase();
    const first = await bootTestApp({ demo: true, database });
    try {
      const manager = await first.login(DEMO_MANAGER.email, DEMO_MANAGER.password);
      const teams = (await expectStatus(first.http().get('/api/teams').set(bearer(manager.token)), 200)).body as Team[];
      expect(teams).toEqual([expect.objectContaining({ name: DEMO_TEAM.name, timeZone: 'Europe/Moscow', agentCount: DEMO_AGENTS.length })]);

      const agents = (await expectStatus(first.http().get('/api/agents?pageSize=200').set(bearer(manager.token)), 200)).body as Page<Agent>;
      expect(agents.total).toBe(DEMO_AGENTS.length);
      const anna = agents.items.find((agent) => agent.displayName === 'Anna Smirnova') as Agent;
      expect(anna).toMatchObject({ regionName: 'Moscow', timeZone: 'Europe/Moscow', workMode: 'office', hasLogin: true });
      const languages = new Set(agents.items.flatMap((agent) => agent.languages.map((language) => language.code)));
      for (const code of ['ru', 'en', 'fr', 'nl', 'es', 'el', 'az']) expect(languages).toContain(code);

      const regions = (await expectStatus(first.http().get('/api/regions').set(bearer(manager.token)), 200)).body as Region[];
      expect(regions.map((region) => region.name).sort()).toEqual(DEMO_REGIONS.map((region) => region.name).sort());

      // Every demo agent can sign in (checked for two: each login costs a slow hash).
      const leyla = await first.login('leyla.aliyeva@demo.shiftdesk.local', DEMO_AGENT_PASSWORD);
      expect(leyla.user).toMatchObject({ role: 'agent', displayName: 'Leyla Aliyeva', teamIds: [teams[0].id] });
      await first.login(DEMO_AGENTS[0].email, DEMO_AGENT_PASSWORD);
      expect(await first.dataSource.getRepository(UserEntity).countBy({ role: 'agent' })).toBe(DEMO_AGENTS.length);

      // The admin manages the demo team too.
      const admin = await first.login(ADMIN.email, ADMIN.password);
      expect(admin.user.teamIds).toEqual([teams[0].id]);
    } finally {
      await first.close({ keepDatabase: true });
    }

    const second = await bootTestApp({ demo: true, database });
    try {
      expect(await second.dataSource.getRepository(AgentEntity).count()).toBe(DEMO_AGENTS.length);
      expect(await second.dataSource.getRepository(RegionEntity).count()).toBe(DEMO_REGIONS.length);
    } finally {
      await second.close();
    }
  });

  it('starts with a 16 h target and a published roster that meets it, without a labour-rule breach, for five weeks from this Monday', async () => {
    const t = await bootTestApp({ demo: true });
    try {
      const manager = await t.login(DEMO_MANAGER.email, DEMO_MANAGER.password);
      const [team] = (await expectStatus(t.http().get('/api/teams').set(bearer(manager.token)), 200)).body as Team[];
      const rules = (await expectStatus(t.http().get(`/api/teams/${team.id}/coverage-rules`).set(bearer(manager.token)), 200)).body as CoverageRule[];
      expect(rules).toEqual([expect.objectContaining({ name: 'Desk hours', kind: 'window', timeZone: DEMO_TEAM.timeZone, minAgents: 2, validFrom: null, validTo: null })]);
      expect(rules[0].windows[7]).toEqual([{ start: '07:00', end: '23:00' }]);

      // This week's Monday on the team's clock, then week by week (the read window is 7 days by default).
      const monday = DateTime.now().setZone(DEMO_TEAM.timeZone).startOf('week');
      let shiftCount = 0;
      for (let week = 0; week < DEMO_ROSTER_WEEKS; week++) {
        const from = monday.plus({ weeks: week }).toUTC().toISO() as string;
        const to = monday.plus({ weeks: week + 1 }).toUTC().toISO() as string;
        const query = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
        const gaps = (await expectStatus(t.http().get(`/api/teams/${team.id}/gaps?${query}`).set(bearer(manager.token)), 200)).body as GapsResponse;
        expect({ week, gaps: gaps.gaps }).toEqual({ week, gaps: [] });
        const violations = (await expectStatus(t.http().get(`/api/teams/${team.id}/violations?${query}`).set(bearer(manager.token)), 200)).body as ViolationsResponse;
        expect({ week, violations: violations.violations }).toEqual({ week, violations: [] });
        const schedule = (await expectStatus(t.http().get(`/api/teams/${team.id}/schedule?${query}`).set(bearer(manager.token)), 200)).body as ScheduleResponse;
        expect(schedule.shifts.every((shift) => shift.status === 'published')).toBe(true);
        shiftCount += schedule.shifts.length;
      }
      // Two early and two late shifts a day.
      expect(shiftCount).toBe(DEMO_ROSTER_WEEKS * 7 * 4);
      // The week after is not planned yet: the gap scan will show it arriving.
      const after = monday.plus({ weeks: DEMO_ROSTER_WEEKS });
      const later = `from=${encodeURIComponent(after.toUTC().toISO() as string)}&to=${encodeURIComponent(after.plus({ days: 1 }).toUTC().toISO() as string)}`;
      const unplanned = (await expectStatus(t.http().get(`/api/teams/${team.id}/gaps?${later}`).set(bearer(manager.token)), 200)).body as GapsResponse;
      expect(unplanned.gaps.filter((gap) => gap.level === 'error').length).toBeGreaterThan(0);

      // Marie Dubois (Lisbon) works the late shape: 15:00 Moscow is 12:00 or 13:00 on her clock.
      expect(DEMO_CREWS.find((crew) => crew.agent === 'Marie Dubois')?.start).toBe('15:00');
      const marie = await t.login('marie.dubois@demo.shiftdesk.local', DEMO_AGENT_PASSWORD);
      const query = `from=${encodeURIComponent(monday.toUTC().toISO() as string)}&to=${encodeURIComponent(monday.plus({ weeks: 1 }).toUTC().toISO() as string)}`;
      const mine = (await expectStatus(t.http().get(`/api/teams/${team.id}/schedule?${query}`).set(bearer(marie.token)), 200)).body as ScheduleResponse;
      const hers = mine.shifts.filter((shift) => shift.agentId === marie.user.agentId);
      expect(hers).toHaveLength(5);
      for (const shift of hers) expect(DateTime.fromISO(shift.start, { zone: 'Europe/Lisbon' }).hour).toBeGreaterThanOrEqual(12);
    } finally {
      await t.close();
    }
  });

  it('starts empty with SHIFTDESK_DEMO=false, with only the admin account', async () => {
    const t = await bootTestApp({ demo: false });
    try {
      expect(await t.dataSource.getRepository(AgentEntity).count()).toBe(0);
      expect(await t.dataSource.getRepository(UserEntity).count()).toBe(1);
      const admin = await t.login(ADMIN.email, ADMIN.password);
      expect(admin.user).toMatchObject({ role: 'manager', teamIds: [] });
      const teams = await expectStatus(t.http().get('/api/teams').set(bearer(admin.token)), 200);
      expect(teams.body).toEqual([]);
    } finally {
      await t.close();
    }
  });

  it('generates and prints the admin password once when none is configured', async () => {
    const printed: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    const database = await createTestDatabase();
    let output = '';
    try {
      const first = await bootTestApp({ demo: false, database, admin: { email: 'admin@shiftdesk.local', password: null } });
      await first.close({ keepDatabase: true });
      output = printed.join('');
      printed.length = 0;
      const second = await bootTestApp({ demo: false, database, admin: { email: 'admin@shiftdesk.local', password: null } });
      await second.close({ keepDatabase: true });
    } finally {
      spy.mockRestore();
    }
    const password = /password: (\S+)/.exec(output)?.[1];
    expect(output).toContain('admin@shiftdesk.local');
    expect(password).toMatch(/^[A-Za-z0-9_-]{24}$/);
    expect(printed.join('')).not.toContain(password);

    const third = await bootTestApp({ demo: false, database, admin: { email: 'admin@shiftdesk.local', password: null } });
    try {
      const login = await third.login('admin@shiftdesk.local', password as string);
      expect(login.user.role).toBe('manager');
    } finally {
      await third.close();
    }
  });
});
