import { CHANNELS, LANGUAGE_LEVELS, WORK_MODES, type FieldError } from '@shiftdesk/shared-api-contract';

/**
 * The columns of an agents CSV, by their header (any case, any order); the first three are
 * required. Lists (languages, channels) are separated by `;`; a language is `code:level`
 * (`ru:native; en:fluent`), a bare code being native.
 */
export const AGENT_CSV_COLUMNS = ['name', 'email', 'time zone', 'work mode', 'languages', 'channels', 'contract hours', 'region'] as const;
type Column = (typeof AGENT_CSV_COLUMNS)[number];
const REQUIRED: readonly Column[] = ['name', 'email', 'time zone'];
/** Header spellings other tools export, mapped onto ours. */
const ALIASES: Readonly<Record<string, Column>> = {
  'display name': 'name',
  'full name': 'name',
  timezone: 'time zone',
  time_zone: 'time zone',
  'work_mode': 'work mode',
  'contract hours per week': 'contract hours',
  hours: 'contract hours',
};
const DEFAULT_CONTRACT_HOURS = 40;

/** One data row as the body of `POST /api/agents` would be, before the same validation runs on it. */
export interface AgentCsvRow {
  /** 1-based line of the record in the file (the header is line 1). */
  line: number;
  body: Record<string, unknown>;
  regionName: string | null;
}

/**
 * Rows of an agents CSV as create-agent bodies for `teamId`. Only the shape is checked here
 * (header, lists, numbers, region names); every field is then validated by the same rules as
 * `POST /api/agents`. Errors name the line and column: `rows.3.email`.
 */
export function agentCsvRows(records: string[][], teamId: string, regionIdByName: ReadonlyMap<string, string>): { rows: AgentCsvRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ field: 'csv', message: `csv: is empty; the first line names the columns: ${AGENT_CSV_COLUMNS.join(', ')}` }] };
  const columns = header.map((name) => {
    const key = name.trim().toLowerCase();
    return (AGENT_CSV_COLUMNS as readonly string[]).includes(key) ? (key as Column) : (ALIASES[key] ?? null);
  });
  header.forEach((name, i) => {
    if (columns[i] === null && name.trim()) errors.push({ field: 'csv.header', message: `csv.header: "${name.trim()}" is not a column; use ${AGENT_CSV_COLUMNS.join(', ')}` });
  });
  for (const column of REQUIRED) {
    if (!columns.includes(column)) errors.push({ field: 'csv.header', message: `csv.header: the "${column}" column is missing` });
  }
  if (!data.length) errors.push({ field: 'csv', message: 'csv: has a header but no agents under it' });
  if (errors.length) return { rows: [], errors };

  const rows: AgentCsvRow[] = [];
  data.forEach((record, index) => {
    const line = index + 2;
    const cell = (column: Column): string => {
      const i = columns.indexOf(column);
      return i < 0 ? '' : (record[i] ?? '').trim();
    };
    const fail = (column: string, message: string) => errors.push({ field: `rows.${line}.${column}`, message: `line ${line}, ${column}: ${message}` });
    const languages: { code: string; level: string }[] = [];
    for (const item of split(cell('languages'))) {
      const [code = '', level = 'native'] = item.split(/[:\s]+/);
      if (!(LANGUAGE_LEVELS as readonly string[]).includes(level.toLowerCase())) fail('languages', `"${item}": the level must be one of ${LANGUAGE_LEVELS.join(', ')} (e.g. en:fluent)`);
      else languages.push({ code: code.toLowerCase(), level: level.toLowerCase() });
    }
    const channels = split(cell('channels')).map((c) => c.toLowerCase());
    const unknown = channels.filter((c) => !(CHANNELS as readonly string[]).includes(c));
    if (unknown.length) fail('channels', `${unknown.map((c) => `"${c}"`).join(', ')}: channels are ${CHANNELS.join(', ')}`);
    const hoursText = cell('contract hours');
    const hours = hoursText === '' ? DEFAULT_CONTRACT_HOURS : Number(hoursText.replace(',', '.'));
    if (!Number.isFinite(hours)) fail('contract hours', `"${hoursText}" is not a number of hours`);
    const workMode = (cell('work mode') || 'office').toLowerCase();
    if (!(WORK_MODES as readonly string[]).includes(workMode)) fail('work mode', `"${cell('work mode')}": must be ${WORK_MODES.join(' or ')}`);
    const regionName = cell('region') || null;
    const regionId = regionName ? regionIdByName.get(regionName.toLowerCase()) : null;
    if (regionName && !regionId) fail('region', `no region named "${regionName}"; add it under Pay first, or leave the cell empty`);
    rows.push({
      line,
      regionName,
      body: { teamId, displayName: cell('name'), email: cell('email'), timeZone: cell('time zone'), workMode, languages, channels, contractHoursPerWeek: hours, regionId: regionId ?? null },
    });
  });
  return { rows, errors };
}

/** The CSV column of a create-agent field (`contractHoursPerWeek` → `contract hours`, `languages.0.code` → `languages`). */
export function csvColumnOf(field: string): string {
  const top = field.split('.')[0] ?? field;
  const columns: Record<string, Column> = { displayName: 'name', email: 'email', timeZone: 'time zone', workMode: 'work mode', languages: 'languages', channels: 'channels', contractHoursPerWeek: 'contract hours', regionId: 'region' };
  return columns[top] ?? top;
}

function split(list: string): string[] {
  return list
    .split(/[;|]/)
    .map((item) => item.trim())
    .filter(Boolean);
}
