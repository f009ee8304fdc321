import { LANGUAGE_NAMES } from '@shiftdesk/shared-api-contract';
import { IANAZone } from 'luxon';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_AGENT_PASSWORD, DEMO_AGENTS, DEMO_MANAGER, DEMO_REGIONS } from './demo-desk';

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
});
