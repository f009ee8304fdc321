import { LANGUAGE_NAMES } from '@shiftdesk/shared-api-contract';
import { IANAZone } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isWithinAvailability, validateAvailability } from '@shiftdesk/scheduling';
import { demoAvailability, DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_MANAGER, DEMO_REGIONS } from './demo-desk';

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
