import type { Agent, Page, Region, Team } from '@shiftdesk/shared-api-contract';
import { AgentEntity } from '../src/modules/agents/agent.entity';
import { UserEntity } from '../src/modules/auth/user.entity';
import { DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_MANAGER, DEMO_REGIONS, DEMO_TEAM } from '../src/modules/demo/demo-desk';
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
