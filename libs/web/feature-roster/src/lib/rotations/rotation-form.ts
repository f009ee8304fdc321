import { previewRotation, validateRotation } from '@shiftdesk/scheduling';
import type { CreateRotationRequest, Rotation, RotationPreviewOccurrence } from '@shiftdesk/shared-api-contract';

/** RFC 5545 BYDAY codes in ISO order (Monday first). */
export const BYDAY_CODES = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type ByDay = (typeof BYDAY_CODES)[number];
export const BYDAY_LABELS: Readonly<Record<ByDay, string>> = { MO: 'Mon', TU: 'Tue', WE: 'Wed', TH: 'Thu', FR: 'Fri', SA: 'Sat', SU: 'Sun' };

/** What the rotation editor holds. */
export interface RotationFormValue {
  name: string;
  timeZone: string;
  localStartTime: string;
  localEndTime: string;
  weekdays: ByDay[];
  /** In turn order. */
  agentIds: string[];
  handoff: 'turns' | 'all';
  every: number;
  startDate: string;
}

/** `FREQ=WEEKLY;BYDAY=MO,WE` in Monday-first order; no weekday means every day (`FREQ=DAILY`). */
export function toRrule(weekdays: readonly ByDay[]): string {
  const days = BYDAY_CODES.filter((code) => weekdays.includes(code));
  return days.length === 0 || days.length === 7 ? 'FREQ=DAILY' : `FREQ=WEEKLY;BYDAY=${days.join(',')}`;
}

/** The weekdays a simple rule names (`FREQ=DAILY` → all seven); other rules give null (not editable here). */
export function fromRrule(rrule: string): ByDay[] | null {
  const parts = new Map(rrule.split(';').map((part) => part.split('=') as [string, string]));
  const freq = parts.get('FREQ');
  if ([...parts.keys()].some((key) => !['FREQ', 'BYDAY', 'WKST'].includes(key))) return null;
  if (freq === 'DAILY' && !parts.has('BYDAY')) return [...BYDAY_CODES];
  if (freq !== 'WEEKLY') return null;
  const days = (parts.get('BYDAY') ?? '').split(',').filter((d): d is ByDay => (BYDAY_CODES as readonly string[]).includes(d));
  return days.length ? days : null;
}

export function toRotationRequest(value: RotationFormValue): CreateRotationRequest {
  return {
    name: value.name.trim(),
    timeZone: value.timeZone.trim(),
    localStartTime: value.localStartTime,
    localEndTime: value.localEndTime,
    rrule: toRrule(value.weekdays),
    agentIds: value.agentIds,
    handoff: value.handoff === 'all' ? { mode: 'all' } : { mode: 'turns', every: Math.max(1, Math.floor(value.every) || 1) },
    startDate: value.startDate,
  };
}

export function fromRotation(rotation: Rotation): RotationFormValue {
  return {
    name: rotation.name,
    timeZone: rotation.timeZone,
    localStartTime: rotation.localStartTime,
    localEndTime: rotation.localEndTime,
    weekdays: fromRrule(rotation.rrule) ?? [...BYDAY_CODES],
    agentIds: [...rotation.agentIds],
    handoff: rotation.handoff.mode,
    every: rotation.handoff.mode === 'turns' ? rotation.handoff.every : 1,
    startDate: rotation.startDate,
  };
}

export type LocalPreview = { ok: true; occurrences: RotationPreviewOccurrence[] } | { ok: false; message: string };

/**
 * The next `count` occurrences of the UNSAVED form, with the same domain function the API's
 * preview endpoint uses, so the editor answers on every keystroke without a round trip.
 */
export function previewForm(value: RotationFormValue, from: number, count = 10): LocalPreview {
  const request = toRotationRequest(value);
  if (!request.agentIds.length) return { ok: false, message: 'Add at least one agent to see who works when.' };
  const rotation = { id: 'preview', ...request, exdates: [], status: 'published' as const };
  const validation = validateRotation(rotation);
  if (!validation.ok) return { ok: false, message: validation.errors.map((e) => e.message).join(' ') };
  const occurrences = previewRotation({ rotation, from, count }).map((o) => ({
    index: o.index,
    localDate: o.localDate,
    start: new Date(o.start).toISOString(),
    end: new Date(o.end).toISOString(),
    agentIds: o.agentIds,
  }));
  return { ok: true, occurrences };
}
