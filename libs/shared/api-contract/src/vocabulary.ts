/**
 * The product's fixed vocabularies. One word per concept from database to screen:
 * these literals are stored as-is, sent as-is and shown (translated by the UI) as-is.
 */

export const ROLES = ['manager', 'agent'] as const;
export type Role = (typeof ROLES)[number];

export const CHANNELS = ['email', 'tickets', 'chat', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LANGUAGE_LEVELS = ['native', 'fluent', 'basic'] as const;
export type LanguageLevel = (typeof LANGUAGE_LEVELS)[number];

export const WORK_MODES = ['office', 'remote'] as const;
export type WorkMode = (typeof WORK_MODES)[number];

/** A language an agent speaks: ISO 639-1 code (two lower-case letters) and a level. */
export interface LanguageSkill {
  code: string;
  level: LanguageLevel;
}

/** ISO 639-1 codes with English names, for pickers and validation messages. */
export const LANGUAGE_NAMES: Readonly<Record<string, string>> = {
  ar: 'Arabic', az: 'Azerbaijani', be: 'Belarusian', bg: 'Bulgarian', cs: 'Czech', da: 'Danish',
  de: 'German', el: 'Greek', en: 'English', es: 'Spanish', et: 'Estonian', fa: 'Persian',
  fi: 'Finnish', fr: 'French', he: 'Hebrew', hi: 'Hindi', hu: 'Hungarian', hy: 'Armenian',
  it: 'Italian', ja: 'Japanese', ka: 'Georgian', kk: 'Kazakh', ko: 'Korean', ky: 'Kyrgyz',
  lt: 'Lithuanian', lv: 'Latvian', nl: 'Dutch', no: 'Norwegian', pl: 'Polish', pt: 'Portuguese',
  ro: 'Romanian', ru: 'Russian', sk: 'Slovak', sl: 'Slovenian', sr: 'Serbian', sv: 'Swedish',
  tg: 'Tajik', tr: 'Turkish', uk: 'Ukrainian', uz: 'Uzbek', vi: 'Vietnamese', zh: 'Chinese',
};
