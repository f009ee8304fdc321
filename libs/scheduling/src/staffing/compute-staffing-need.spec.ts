import { SchedulingAgent } from '../model/types';
import { CoverageRule, createCoverageRuleFromPreset } from '../coverage/coverage-rule';
import { computeStaffingNeed, summarizeTeamStaffing } from './compute-staffing-need';

function agent(id: string, overrides: Partial<SchedulingAgent> = {}): SchedulingAgent {
  return { id, displayName: id, timeZone: 'UTC', languages: [], channels: ['chat'], contractHoursPerWeek: 40, active: true, ...overrides };
}

function need(rule: CoverageRule, weekStart = '2024-03-04', shrinkage?: number) {
  const result = computeStaffingNeed({ rule, contractHoursPerWeek: 40, weekStart, ...(shrinkage === undefined ? {} : { shrinkage }) });
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

describe('computeStaffingNeed', () => {
  it('one seat 24/7 at 40 h and 30 % shrinkage needs 168 / 28 = 6.0 agents', () => {
    const value = need(createCoverageRuleFromPreset({ preset: '24/7', timeZone: 'Europe/Moscow', minAgents: 1 }));
    expect(value).toMatchObject({ seatHoursPerWeek: 168, productiveHoursPerAgent: 28, headCount: 6, agentsNeeded: 6, shrinkage: 0.3 });
  });

  it('16 h × 7 at 40 h and 30 % needs 112 / 28 = 4.0 agents', () => {
    const value = need(createCoverageRuleFromPreset({ preset: '16h', timeZone: 'America/New_York', minAgents: 1 }));
    expect(value).toMatchObject({ seatHoursPerWeek: 112, headCount: 4, agentsNeeded: 4 });
  });

  it('counts head-count and weekdays: 2 seats 12 h Mon–Fri at 20 % shrinkage', () => {
    const rule = createCoverageRuleFromPreset({ preset: '12h', timeZone: 'Asia/Kolkata', minAgents: 2, weekdays: [1, 2, 3, 4, 5] });
    const value = need(rule, '2024-03-04', 0.2);
    expect(value.seatHoursPerWeek).toBe(120);
    expect(value.headCount).toBe(3.75);
    expect(value.agentsNeeded).toBe(4);
  });

  it('uses the real week: a 24/7 seat is 167 h in the Berlin spring-forward week and 169 h in autumn', () => {
    const rule = createCoverageRuleFromPreset({ preset: '24/7', timeZone: 'Europe/Berlin', minAgents: 1 });
    expect(need(rule, '2024-03-25').seatHoursPerWeek).toBe(167);
    expect(need(rule, '2024-10-21').seatHoursPerWeek).toBe(169);
  });

  it('rejects shrinkage outside 0..0.9, bad contract hours and bad dates', () => {
    const rule = createCoverageRuleFromPreset({ preset: '12h', timeZone: 'UTC', minAgents: 1 });
    expect(computeStaffingNeed({ rule, contractHoursPerWeek: 40, shrinkage: 0.95, weekStart: '2024-03-04' })).toMatchObject({ ok: false, field: 'shrinkage' });
    expect(computeStaffingNeed({ rule, contractHoursPerWeek: 0, weekStart: '2024-03-04' })).toMatchObject({ ok: false, field: 'contractHoursPerWeek' });
    expect(computeStaffingNeed({ rule, contractHoursPerWeek: 40, weekStart: '2024-13-01' })).toMatchObject({ ok: false, field: 'weekStart' });
  });
});

describe('summarizeTeamStaffing', () => {
  it('shows a one-person desk cannot cover 12 h a day', () => {
    const rule = createCoverageRuleFromPreset({ preset: '12h', timeZone: 'UTC', minAgents: 1 });
    const result = summarizeTeamStaffing({ rules: [rule], agents: [agent('solo')], weekStart: '2024-03-04' });
    if (!result.ok) throw new Error(result.message);
    expect(result.value).toMatchObject({ seatHoursPerWeek: 84, headCount: 3, agentsNeeded: 3, activeAgents: 1, shortfallAgents: 2 });
  });

  it('takes the largest demand per instant across rules and counts eligible agents per rule', () => {
    const always = createCoverageRuleFromPreset({ preset: '24/7', timeZone: 'UTC', minAgents: 1, id: 'all' });
    const french: CoverageRule = {
      ...createCoverageRuleFromPreset({ preset: '12h', timeZone: 'Europe/Paris', minAgents: 2, id: 'fr', weekdays: [1, 2, 3, 4, 5] }),
      language: { code: 'fr', minLevel: 'fluent' },
    };
    const agents = [
      agent('a', { languages: [{ code: 'fr', level: 'native' }] }),
      agent('b', { languages: [{ code: 'fr', level: 'basic' }] }),
      agent('c'),
      agent('d', { active: false, languages: [{ code: 'fr', level: 'native' }] }),
    ];
    const result = summarizeTeamStaffing({ rules: [always, french], agents, weekStart: '2024-03-04' });
    if (!result.ok) throw new Error(result.message);
    const summary = result.value;
    expect(summary.rules.map((rule) => [rule.ruleId, rule.seatHoursPerWeek, rule.agentsNeeded, rule.eligibleAgents, rule.shortfallAgents])).toEqual([
      ['all', 168, 6, 3, 3],
      ['fr', 120, 5, 1, 4],
    ]);
    // 168 h of one seat, plus a second seat for the 60 French hours.
    expect(summary.seatHoursPerWeek).toBe(228);
    expect(summary.activeAgents).toBe(3);
    expect(summary.productiveHours).toBe(84);
    expect(summary.agentsNeeded).toBe(9);
  });
});
