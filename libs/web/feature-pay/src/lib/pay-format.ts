import type { PayFlag } from '@shiftdesk/shared-api-contract';
import { getMinorDigits, parseMajor } from '@shiftdesk/scheduling';

/**
 * Minor units as readable major units with thin grouping: `2500000` RUB → `25 000 RUB`,
 * `135000` EUR → `1 350 EUR`; decimals only when there are any. Exact (BigInt), never a float.
 */
export function formatAmount(amountMinor: number | null, currency: string): string {
  if (amountMinor === null) return '—';
  const digits = getMinorDigits(currency);
  const negative = amountMinor < 0;
  const abs = BigInt(Math.abs(amountMinor));
  const factor = 10n ** BigInt(digits);
  const whole = (abs / factor).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '\u202f');
  const fraction = digits === 0 ? 0n : abs % factor;
  const decimals = fraction === 0n ? '' : `.${fraction.toString().padStart(digits, '0')}`;
  return `${negative ? '−' : ''}${whole}${decimals} ${currency}`;
}

/** What a manager types ("33000", "33 000", "1350.50") → minor units, or null when it is not an amount. */
export function parseAmountInput(text: string, currency: string): number | null {
  const cleaned = text.replace(/[\s\u202f\u00a0]/g, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const minor = parseMajor(cleaned, currency);
  return minor !== null && minor > 0 ? minor : null;
}

/** Today's local date in `zone` (YYYY-MM-DD). */
export function todayIn(zone: string, now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Monday of the ISO week of a local date. */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * Horizontal position (0…1) of `value` on a band strip that shows the band [min, max] with a
 * quarter of its width as margin on each side; values further out are pinned to the edges.
 */
export function stripPosition(value: number, min: number, max: number): number {
  const span = Math.max(max - min, 1);
  const low = min - span / 4;
  const high = max + span / 4;
  return Math.min(1, Math.max(0, (value - low) / (high - low)));
}

export const FLAG_TONE: Record<PayFlag, 'warning' | 'danger' | 'muted'> = {
  'below band': 'danger',
  'above band': 'warning',
  'no band': 'muted',
  'no salary': 'muted',
  'below minimum wage': 'danger',
  'no exchange rate': 'warning',
};
