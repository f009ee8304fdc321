import { ConfigError } from '../../config/app-config';

export const JOB_TICK_MS = Symbol('JOB_TICK_MS');

const MIN_TICK_MS = 200;
const MAX_TICK_MS = 24 * 60 * 60 * 1000;

/**
 * `SHIFTDESK_JOB_TICK_MS`: when set, every periodic job (gap scan, webhook retries, request
 * expiry, calendar imports, session and sign-in-failure clean-ups) runs at this interval instead of its own, 200 ms to a
 * day. For tests and demos of several instances (see README, "Running several instances"); null
 * when unset. Validated when the jobs module starts.
 */
export function readJobTickMs(env: Record<string, string | undefined> = process.env): number | null {
  const raw = env['SHIFTDESK_JOB_TICK_MS']?.trim();
  if (raw === undefined || raw === '') return null;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < MIN_TICK_MS || value > MAX_TICK_MS) {
    throw new ConfigError([`SHIFTDESK_JOB_TICK_MS: "${raw}" must be a whole number of milliseconds from ${MIN_TICK_MS} to ${MAX_TICK_MS}`]);
  }
  return value;
}
