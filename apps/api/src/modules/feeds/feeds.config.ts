import { ConfigError } from '../../config/app-config';

/** How often calendar apps are asked to poll a feed (minutes), unless configured. */
export const DEFAULT_FEED_REFRESH_MINUTES = 30;
/** How often an imported calendar URL is fetched again (minutes), unless configured. */
export const DEFAULT_IMPORT_REFRESH_MINUTES = 360;

export const FEED_REFRESH_MINUTES = Symbol('FEED_REFRESH_MINUTES');
export const IMPORT_REFRESH_MINUTES = Symbol('IMPORT_REFRESH_MINUTES');

function minutes(env: Record<string, string | undefined>, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) throw new ConfigError([`${name}: "${raw}" must be a whole number of minutes from ${min} to ${max}`]);
  return value;
}

/**
 * `SHIFTDESK_FEED_REFRESH_MINUTES` (5–1440, default 30): REFRESH-INTERVAL / X-PUBLISHED-TTL in
 * every feed and the `max-age` of its HTTP answer. Validated when the module starts.
 */
export function readFeedRefreshMinutes(env: Record<string, string | undefined> = process.env): number {
  return minutes(env, 'SHIFTDESK_FEED_REFRESH_MINUTES', DEFAULT_FEED_REFRESH_MINUTES, 5, 1440);
}

/** `SHIFTDESK_CALENDAR_IMPORT_MINUTES` (15–10080, default 360): re-fetch interval of imported calendar URLs. */
export function readImportRefreshMinutes(env: Record<string, string | undefined> = process.env): number {
  return minutes(env, 'SHIFTDESK_CALENDAR_IMPORT_MINUTES', DEFAULT_IMPORT_REFRESH_MINUTES, 15, 10080);
}
