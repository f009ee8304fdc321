import type { Instant } from '@shiftdesk/scheduling';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;

/** Domain instant (UTC epoch ms) → the stored/API form (24-character ISO UTC string). */
export function toIso(instant: Instant): string {
  return new Date(instant).toISOString();
}

/** An ISO instant validated by `IsInstant` → UTC epoch ms. */
export function fromIso(value: string): Instant {
  return Date.parse(value);
}

/** Any ISO instant with a zone designator → the canonical stored form. */
export function normalizeIso(value: string): string {
  return toIso(fromIso(value));
}
