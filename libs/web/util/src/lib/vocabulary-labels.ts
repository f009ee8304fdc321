import { LANGUAGE_NAMES, type Channel, type LanguageLevel, type LanguageSkill, type WorkMode } from '@shiftdesk/shared-api-contract';

/** Screen labels for the contract's vocabularies; the stored literals never change. */
export const CHANNEL_LABELS: Readonly<Record<Channel, string>> = { email: 'Email', tickets: 'Tickets', chat: 'Chat', phone: 'Phone' };
export const LEVEL_LABELS: Readonly<Record<LanguageLevel, string>> = { native: 'Native', fluent: 'Fluent', basic: 'Basic' };
export const WORK_MODE_LABELS: Readonly<Record<WorkMode, string>> = { office: 'Office', remote: 'Remote' };

/** `French` for `fr`; the code itself in upper case when the name is unknown. */
export function languageName(code: string): string {
  return LANGUAGE_NAMES[code] ?? code.toUpperCase();
}

/** `FR · native`: a compact label for a table cell. */
export function describeLanguage(skill: LanguageSkill): string {
  return `${skill.code.toUpperCase()} · ${skill.level}`;
}

/** Languages sorted by level (native first), then code, for a stable display. */
export function sortLanguages(skills: readonly LanguageSkill[]): LanguageSkill[] {
  const rank: Record<LanguageLevel, number> = { native: 0, fluent: 1, basic: 2 };
  return [...skills].sort((a, b) => rank[a.level] - rank[b.level] || a.code.localeCompare(b.code));
}
