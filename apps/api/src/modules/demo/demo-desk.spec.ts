import { LANGUAGE_NAMES } from '@shiftdesk/shared-api-contract';
import { IANAZone } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWithinAvailability, validateAvailability } from '@shiftdesk/scheduling';
import { demoAvailability, DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_MANAGER, DEMO_REGIONS } from './demo-desk';
import { DEMO_BANDS, DEMO_BELOW_BAND_AGENT, DEMO_MINIMUM_WAGES, DEMO_PAY } from './demo-pay';

describe('demo desk fixture', () => {
  it('is valid data: known zones, known languages, unique emails, zones matching regions', () => {
    expect(new Set(DEMO_AGENTS.map((agent) => agent.email)).size).toBe(DEMO_AGENTS.length);
    for (const region of DEMO_REGIONS) expect(IANAZone.isValidZone(region.defaultTimeZone)).toBe(true);
    for (const agent of DEMO_AGENTS) {
      const region = DEMO_REGIONS.find((candidate) => candidate.name === agent.region);
      expect({ agent: agent.displayName, zone: agent.timeZone }).toEqual({ agent: agent.displayName, zone: region?.defaultTimeZone });
      for (const language of agent.languages) expect(LANGUAGE_NAMES[language.code]).toBeDefined();
      expect(agent.email).toMatch(/^[a-z]+\.[a-z]+@demo\.shiftdesk\.local$/);
    }
    const spoken = new Set(DEMO_AGENTS.flatMap((agent) => agent.languages.map((language) => language.code)));
    for (const code of ['ru', 'en', 'fr', 'nl', 'es', 'el', 'az']) expect(spoken).toContain(code);
    expect(DEMO_AGENT_PASSWORD.length).toBeGreaterThanOrEqual(8);
  });

  it('agrees with DEMO_LOGINS.md (copied into the README)', () => {
    const list = readFileSync(join(__dirname, 'DEMO_LOGINS.md'), 'utf8');
    expect(list).toContain(DEMO_MANAGER.email);
    expect(list).toContain(DEMO_AGENT_PASSWORD);
    for (const agent of DEMO_AGENTS) expect(list).toContain(`| ${agent.displayName} | \`${agent.email}\``);
  });

  it('gives the remote agents abroad local-daytime weekday availability and leaves the rest available any time', () => {
    const abroad = DEMO_AGENTS.filter((agent) => demoAvailability(agent) !== null);
    expect(abroad.map((agent) => agent.timeZone).filter((zone) => zone.startsWith('Asia/Yekaterinburg') || zone === 'Europe/Moscow')).toEqual([]);
    expect(abroad.length).toBe(DEMO_AGENTS.filter((agent) => agent.region.startsWith('Remote — ')).length);
    for (const agent of DEMO_AGENTS) expect(validateAvailability(demoAvailability(agent))).toEqual([]);
    const joana = DEMO_AGENTS.find((agent) => agent.timeZone === 'Europe/Lisbon');
    // Monday 2026-01-05, 07:00–15:00 Moscow = 04:00–12:00 Lisbon: not given; 15:00–23:00 Moscow = 12:00–20:00 Lisbon: fine.
    const shift = (startIso: string, endIso: string) =>
      isWithinAvailability({ availability: demoAvailability(joana ?? DEMO_AGENTS[0]), zone: 'Europe/Lisbon', start: Date.parse(startIso), end: Date.parse(endIso) });
    expect(shift('2026-01-05T04:00:00Z', '2026-01-05T12:00:00Z')).toBe(false);
    expect(shift('2026-01-05T12:00:00Z', '2026-01-05T20:00:00Z')).toBe(true);
  });
});

describe('demo desk pay', () => {
  it('gives every demo agent a level and a salary, and every band a known region and min ≤ mid ≤ max', () => {
    for (const agent of DEMO_AGENTS) expect({ agent: agent.displayName, pay: DEMO_PAY[agent.displayName] }).toEqual({ agent: agent.displayName, pay: expect.objectContaining({ level: expect.any(String) }) });
    expect(Object.keys(DEMO_PAY).sort()).toEqual(DEMO_AGENTS.map((agent) => agent.displayName).sort());
    const regions = new Set<string>(DEMO_REGIONS.map((region) => region.name));
    for (const band of DEMO_BANDS) {
      if (band.region !== null) expect(regions).toContain(band.region);
      expect(band.min <= band.mid && band.mid <= band.max).toBe(true);
    }
  });

  it('ships the issue figures and a Moscow office junior below the band', () => {
    const junior = (region: string | null, workMode: string) => DEMO_BANDS.find((band) => band.level === 'junior' && band.region === region && band.workMode === workMode && band.currency === 'RUB');
    expect(junior('Moscow', 'office')).toMatchObject({ min: 25_000, max: 35_000, period: 'month' });
    expect(junior('Saint Petersburg', 'office')).toMatchObject({ min: 20_000, max: 30_000 });
    expect(junior(null, 'office')).toMatchObject({ min: 16_000, max: 20_000 });
    expect(junior(null, 'remote')).toMatchObject({ min: 18_000, max: 25_000 });
    expect(DEMO_BANDS.some((band) => band.currency === 'EUR' && band.workMode === 'remote')).toBe(true);
    const agent = DEMO_AGENTS.find((candidate) => candidate.displayName === DEMO_BELOW_BAND_AGENT);
    expect(agent).toMatchObject({ region: 'Moscow', workMode: 'office' });
    expect(DEMO_PAY[DEMO_BELOW_BAND_AGENT]).toMatchObject({ level: 'junior', currency: 'RUB' });
    expect(DEMO_PAY[DEMO_BELOW_BAND_AGENT].salary).toBeLessThan(25_000);
    expect(DEMO_MINIMUM_WAGES).toContainEqual(expect.objectContaining({ countryCode: 'RU', region: null, amount: 27_093, effectiveFrom: '2026-01-01' }));
  });
});
