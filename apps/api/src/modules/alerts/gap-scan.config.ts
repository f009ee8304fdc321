import { ConfigError } from '../../config/app-config';

/** Default look-ahead of the gap scan (issue 3 §6). */
export const DEFAULT_GAP_SCAN_WEEKS = 4;
const MAX_GAP_SCAN_WEEKS = 13;

/** Every hour (ms). */
export const GAP_SCAN_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Weeks ahead the gap scan looks, from `SHIFTDESK_GAP_SCAN_WEEKS` (1–13, default 4). Validated
 * when the alerts module starts, so a typo stops the boot instead of silently scanning 4 weeks.
 */
export function readGapScanWeeks(env: Record<string, string | undefined> = process.env): number {
  const raw = env['SHIFTDESK_GAP_SCAN_WEEKS']?.trim();
  if (raw === undefined || raw === '') return DEFAULT_GAP_SCAN_WEEKS;
  const weeks = Number(raw);
  if (!/^\d+$/.test(raw) || weeks < 1 || weeks > MAX_GAP_SCAN_WEEKS) {
    throw new ConfigError([`SHIFTDESK_GAP_SCAN_WEEKS: "${raw}" must be a whole number of weeks from 1 to ${MAX_GAP_SCAN_WEEKS}`]);
  }
  return weeks;
}
