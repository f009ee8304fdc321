import type { AvailabilityByWeekday, Channel, CreateRegionRequest, LanguageSkill, Weekday, WorkMode } from '@shiftdesk/shared-api-contract';

/**
 * The demo desk, as typed data: the seed loads it, the README's login list and the browser
 * tests read it (plain data only, so they can import it without the domain lib; the roster is
 * laid out in demo-roster.ts). Names are invented; each fits its city. Every agent's login is
 * its email with DEMO_AGENT_PASSWORD.
 */

export const DEMO_AGENT_PASSWORD = 'demo-agent';
export const DEMO_MANAGER = { email: 'manager@demo.shiftdesk.local', password: 'demo-manager', displayName: 'Irina Belova' } as const;

export const DEMO_TEAM = {
  name: 'Support Desk',
  description: 'Customer support across Russia and remote colleagues in Europe and the Caucasus.',
  timeZone: 'Europe/Moscow',
} as const;

export const DEMO_REGIONS = [
  { name: 'Moscow', countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' },
  { name: 'Saint Petersburg', countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' },
  { name: 'Kazan', countryCode: 'RU', defaultTimeZone: 'Europe/Moscow', currency: 'RUB' },
  { name: 'Yekaterinburg', countryCode: 'RU', defaultTimeZone: 'Asia/Yekaterinburg', currency: 'RUB' },
  { name: 'Novosibirsk', countryCode: 'RU', defaultTimeZone: 'Asia/Novosibirsk', currency: 'RUB' },
  { name: 'Remote — Portugal', countryCode: 'PT', defaultTimeZone: 'Europe/Lisbon', currency: 'EUR' },
  { name: 'Remote — Spain', countryCode: 'ES', defaultTimeZone: 'Europe/Madrid', currency: 'EUR' },
  { name: 'Remote — Netherlands', countryCode: 'NL', defaultTimeZone: 'Europe/Amsterdam', currency: 'EUR' },
  { name: 'Remote — Greece', countryCode: 'GR', defaultTimeZone: 'Europe/Athens', currency: 'EUR' },
  { name: 'Remote — Azerbaijan', countryCode: 'AZ', defaultTimeZone: 'Asia/Baku', currency: 'AZN' },
] as const satisfies readonly CreateRegionRequest[];

export type DemoRegionName = (typeof DEMO_REGIONS)[number]['name'];

export interface DemoAgent {
  displayName: string;
  /** Also the login. */
  email: string;
  region: DemoRegionName;
  /** The region's default zone, spelled out so the README and tests need no lookup. */
  timeZone: string;
  workMode: WorkMode;
  languages: LanguageSkill[];
  channels: Channel[];
  contractHoursPerWeek: number;
}

const ru = (level: LanguageSkill['level'] = 'native'): LanguageSkill => ({ code: 'ru', level });
const en = (level: LanguageSkill['level'] = 'fluent'): LanguageSkill => ({ code: 'en', level });
const lang = (code: string, level: LanguageSkill['level']): LanguageSkill => ({ code, level });

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { displayName: 'Anna Smirnova', email: 'anna.smirnova@demo.shiftdesk.local', region: 'Moscow', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en()], channels: ['email', 'chat', 'phone'], contractHoursPerWeek: 40 },
  { displayName: 'Ivan Petrov', email: 'ivan.petrov@demo.shiftdesk.local', region: 'Moscow', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en('basic')], channels: ['phone', 'tickets'], contractHoursPerWeek: 40 },
  { displayName: 'Olga Ivanova', email: 'olga.ivanova@demo.shiftdesk.local', region: 'Moscow', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en(), lang('fr', 'basic')], channels: ['chat', 'email'], contractHoursPerWeek: 30 },
  { displayName: 'Mikhail Sokolov', email: 'mikhail.sokolov@demo.shiftdesk.local', region: 'Moscow', timeZone: 'Europe/Moscow', workMode: 'remote', languages: [ru(), en()], channels: ['tickets', 'email'], contractHoursPerWeek: 40 },
  { displayName: 'Dmitri Volkov', email: 'dmitri.volkov@demo.shiftdesk.local', region: 'Saint Petersburg', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en()], channels: ['phone', 'chat'], contractHoursPerWeek: 40 },
  { displayName: 'Tatiana Morozova', email: 'tatiana.morozova@demo.shiftdesk.local', region: 'Saint Petersburg', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en(), lang('nl', 'basic')], channels: ['email', 'tickets'], contractHoursPerWeek: 40 },
  { displayName: 'Alexei Lebedev', email: 'alexei.lebedev@demo.shiftdesk.local', region: 'Saint Petersburg', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en('basic')], channels: ['phone'], contractHoursPerWeek: 20 },
  { displayName: 'Ruslan Khabibullin', email: 'ruslan.khabibullin@demo.shiftdesk.local', region: 'Kazan', timeZone: 'Europe/Moscow', workMode: 'office', languages: [ru(), en(), lang('tr', 'basic')], channels: ['chat', 'tickets'], contractHoursPerWeek: 40 },
  { displayName: 'Elena Kuznetsova', email: 'elena.kuznetsova@demo.shiftdesk.local', region: 'Yekaterinburg', timeZone: 'Asia/Yekaterinburg', workMode: 'office', languages: [ru(), en()], channels: ['chat', 'email'], contractHoursPerWeek: 40 },
  { displayName: 'Pavel Novikov', email: 'pavel.novikov@demo.shiftdesk.local', region: 'Yekaterinburg', timeZone: 'Asia/Yekaterinburg', workMode: 'remote', languages: [ru()], channels: ['phone', 'tickets'], contractHoursPerWeek: 40 },
  { displayName: 'Sergei Popov', email: 'sergei.popov@demo.shiftdesk.local', region: 'Novosibirsk', timeZone: 'Asia/Novosibirsk', workMode: 'office', languages: [ru(), en()], channels: ['tickets', 'email', 'chat'], contractHoursPerWeek: 40 },
  { displayName: 'Natalia Fedorova', email: 'natalia.fedorova@demo.shiftdesk.local', region: 'Novosibirsk', timeZone: 'Asia/Novosibirsk', workMode: 'remote', languages: [ru(), en('basic')], channels: ['phone', 'chat'], contractHoursPerWeek: 30 },
  { displayName: 'Joana Silva', email: 'joana.silva@demo.shiftdesk.local', region: 'Remote — Portugal', timeZone: 'Europe/Lisbon', workMode: 'remote', languages: [lang('pt', 'native'), en(), lang('es', 'fluent')], channels: ['email', 'chat'], contractHoursPerWeek: 40 },
  { displayName: 'Marie Dubois', email: 'marie.dubois@demo.shiftdesk.local', region: 'Remote — Portugal', timeZone: 'Europe/Lisbon', workMode: 'remote', languages: [lang('fr', 'native'), en(), lang('pt', 'basic')], channels: ['email', 'chat', 'phone'], contractHoursPerWeek: 40 },
  { displayName: 'Carlos García', email: 'carlos.garcia@demo.shiftdesk.local', region: 'Remote — Spain', timeZone: 'Europe/Madrid', workMode: 'remote', languages: [lang('es', 'native'), en(), lang('fr', 'basic')], channels: ['phone', 'chat'], contractHoursPerWeek: 40 },
  { displayName: 'Sanne de Vries', email: 'sanne.devries@demo.shiftdesk.local', region: 'Remote — Netherlands', timeZone: 'Europe/Amsterdam', workMode: 'remote', languages: [lang('nl', 'native'), en(), lang('fr', 'fluent')], channels: ['email', 'tickets', 'phone'], contractHoursPerWeek: 30 },
  { displayName: 'Eleni Papadopoulou', email: 'eleni.papadopoulou@demo.shiftdesk.local', region: 'Remote — Greece', timeZone: 'Europe/Athens', workMode: 'remote', languages: [lang('el', 'native'), en()], channels: ['chat', 'email'], contractHoursPerWeek: 40 },
  { displayName: 'Nikos Georgiou', email: 'nikos.georgiou@demo.shiftdesk.local', region: 'Remote — Greece', timeZone: 'Europe/Athens', workMode: 'remote', languages: [lang('el', 'native'), en(), ru('basic')], channels: ['tickets', 'phone'], contractHoursPerWeek: 20 },
  { displayName: 'Leyla Aliyeva', email: 'leyla.aliyeva@demo.shiftdesk.local', region: 'Remote — Azerbaijan', timeZone: 'Asia/Baku', workMode: 'remote', languages: [lang('az', 'native'), ru('fluent'), en()], channels: ['chat', 'phone', 'email'], contractHoursPerWeek: 40 },
  { displayName: 'Rashad Mammadov', email: 'rashad.mammadov@demo.shiftdesk.local', region: 'Remote — Azerbaijan', timeZone: 'Asia/Baku', workMode: 'remote', languages: [lang('az', 'native'), ru('fluent'), lang('tr', 'fluent')], channels: ['tickets', 'chat'], contractHoursPerWeek: 40 },
];

/**
 * Availability of a demo agent: the remote colleagues abroad work local daytime on weekdays
 * (08:00–21:00 their own time), so the roster generator never gives them the 07:00 Moscow shift
 * (04:00 in Lisbon); everyone in Russia's zones is available any time (null).
 */
export function demoAvailability(agent: Pick<DemoAgent, 'region'>): AvailabilityByWeekday | null {
  if (!agent.region.startsWith('Remote — ')) return null;
  const daytime = () => [{ start: '08:00', end: '21:00' }];
  return { 1: daytime(), 2: daytime(), 3: daytime(), 4: daytime(), 5: daytime() };
}

/**
 * The demo desk's coverage target: the "16 h a day" preset (07:00–23:00 in the team's zone,
 * every day) with two agents at least, so one absence is never a hole.
 */
export const DEMO_COVERAGE = { preset: '16h', name: 'Desk hours', minAgents: 2 } as const;

/**
 * Who works the demo roster: the same shape on the same ISO weekdays (1 = Monday) every week,
 * in the team's zone. Per shape three crews overlap so that every day has exactly two agents:
 * Monday–Friday, Wednesday–Sunday and Saturday–Tuesday. Everyone keeps one shape, so rest
 * between shifts is always 16 h; nobody works more than five days in a row or over contract.
 * The Lisbon agent takes the late weekday shape (12:00–20:00 her time in winter, 13:00–21:00
 * in summer), inside her availability; the early shape would start at 04:00 for her.
 */
export const DEMO_CREWS: readonly { agent: string; start: string; end: string; weekdays: readonly Weekday[] }[] = [
  { agent: 'Anna Smirnova', start: '07:00', end: '15:00', weekdays: [1, 2, 3, 4, 5] },
  { agent: 'Dmitri Volkov', start: '07:00', end: '15:00', weekdays: [3, 4, 5, 6, 7] },
  { agent: 'Sergei Popov', start: '07:00', end: '15:00', weekdays: [1, 2, 6, 7] },
  { agent: 'Marie Dubois', start: '15:00', end: '23:00', weekdays: [1, 2, 3, 4, 5] },
  { agent: 'Ruslan Khabibullin', start: '15:00', end: '23:00', weekdays: [3, 4, 5, 6, 7] },
  { agent: 'Elena Kuznetsova', start: '15:00', end: '23:00', weekdays: [1, 2, 6, 7] },
];

/**
 * Weeks of published roster the demo starts with: the current ISO week and four more, so the
 * gap scan (four weeks ahead) finds the desk covered on first start, and a desk left running
 * shows the unplanned weeks arriving as gaps, as a real one would.
 */
export const DEMO_ROSTER_WEEKS = 5;

