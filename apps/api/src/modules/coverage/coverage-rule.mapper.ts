import type { CoverageException, CoverageRule as CoverageRuleContract, CoverageWindowsByWeekday } from '@shiftdesk/shared-api-contract';
import type { CoverageRule } from '@shiftdesk/scheduling';
import type { CoverageRuleEntity } from './coverage-rule.entity';

export function toCoverageRule(entity: CoverageRuleEntity): CoverageRuleContract {
  return {
    id: entity.id,
    teamId: entity.teamId,
    name: entity.name,
    kind: entity.kind,
    timeZone: entity.timeZone,
    windows: JSON.parse(entity.windows) as CoverageWindowsByWeekday,
    minAgents: entity.minAgents,
    language: entity.languageCode && entity.languageMinLevel ? { code: entity.languageCode, minLevel: entity.languageMinLevel } : null,
    channel: entity.channel,
    validFrom: entity.validFrom,
    validTo: entity.validTo,
    exceptions: JSON.parse(entity.exceptions) as CoverageException[],
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  };
}

/** Contract rule → domain rule (optional fields absent rather than null, as the pure lib expects). */
export function toDomainCoverageRule(rule: Omit<CoverageRuleContract, 'createdAt' | 'updatedAt'>): CoverageRule {
  return {
    id: rule.id,
    teamId: rule.teamId,
    name: rule.name,
    kind: rule.kind,
    timeZone: rule.timeZone,
    windows: rule.windows,
    minAgents: rule.minAgents,
    ...(rule.language ? { language: { code: rule.language.code, minLevel: rule.language.minLevel } } : {}),
    ...(rule.channel ? { channel: rule.channel } : {}),
    ...(rule.validFrom ? { validFrom: rule.validFrom } : {}),
    ...(rule.validTo ? { validTo: rule.validTo } : {}),
    exceptions: rule.exceptions,
  };
}

/** The row of a checked domain rule. */
export function toCoverageRuleEntity(rule: CoverageRule, createdAt: string, updatedAt: string): CoverageRuleEntity {
  const windows = (list: { start: string; end: string }[]) => list.map((w) => ({ start: w.start, end: w.end }));
  return {
    id: rule.id,
    teamId: rule.teamId as string,
    name: rule.name.trim(),
    kind: rule.kind,
    timeZone: rule.timeZone,
    minAgents: rule.minAgents,
    windows: JSON.stringify(rule.kind === 'always' ? {} : Object.fromEntries(Object.entries(rule.windows).map(([day, list]) => [day, windows(list ?? [])]))),
    languageCode: rule.language?.code ?? null,
    languageMinLevel: rule.language?.minLevel ?? null,
    channel: rule.channel ?? null,
    validFrom: rule.validFrom ?? null,
    validTo: rule.validTo ?? null,
    exceptions: JSON.stringify(
      rule.exceptions.map((e) => ({ date: e.date, windows: windows(e.windows), ...(e.minAgents !== undefined ? { minAgents: e.minAgents } : {}) })),
    ),
    createdAt,
    updatedAt,
  };
}
