import { localToInstant } from '@shiftdesk/scheduling';
import type { Channel, CreateShiftRequest, ScheduledShift, ShiftStatus } from '@shiftdesk/shared-api-contract';
import { addDays, formatClock, instantToLocalDate } from './draft-time';

/** What the shift dialog edits: local wall-clock values in one zone. */
export interface ShiftDraft {
  /** Set when editing a manual shift. */
  shiftId: string | null;
  agentId: string;
  /** Local date the shift starts on, in `zone`. */
  date: string;
  /** `HH:mm` in `zone`; an end at or before the start is on the next day. */
  startTime: string;
  endTime: string;
  zone: string;
  channel: Channel | null;
  label: string;
  status: ShiftStatus;
  /** Pinned: the roster generator keeps it. */
  locked: boolean;
}

export type DraftResult = { ok: true; request: CreateShiftRequest } | { ok: false; field: 'date' | 'startTime' | 'endTime'; message: string };

/**
 * Local values → the API's UTC instants with the domain's `localToInstant` (its DST policy: a
 * start in the spring-forward gap moves forward by the gap, an ambiguous one takes the first
 * occurrence). An end at or before the start means the next day (a night shift).
 */
export function draftToRequest(draft: ShiftDraft): DraftResult {
  const start = localToInstant({ date: draft.date, time: draft.startTime, zone: draft.zone });
  if (!start.ok) return { ok: false, field: start.reason === 'invalid-date' ? 'date' : 'startTime', message: 'Enter a valid date and start time.' };
  const endDate = draft.endTime <= draft.startTime ? addDays(draft.date, 1) : draft.date;
  const end = localToInstant({ date: endDate, time: draft.endTime, zone: draft.zone });
  if (!end.ok) return { ok: false, field: 'endTime', message: 'Enter a valid end time.' };
  const label = draft.label.trim();
  return {
    ok: true,
    request: {
      agentId: draft.agentId,
      start: new Date(start.value).toISOString(),
      end: new Date(end.value).toISOString(),
      timeZone: draft.zone,
      channel: draft.channel,
      label: label || null,
      status: draft.status,
      locked: draft.locked,
    },
  };
}

/** A draft for an existing shift, read in `zone`. */
export function shiftToDraft(shift: ScheduledShift, zone: string): ShiftDraft {
  const start = Date.parse(shift.start);
  return {
    shiftId: shift.source === 'manual' ? shift.id : null,
    agentId: shift.agentId,
    date: instantToLocalDate(start, zone),
    startTime: formatClock(start, zone),
    endTime: formatClock(Date.parse(shift.end), zone),
    zone,
    channel: shift.channel,
    label: shift.label ?? '',
    status: shift.status,
    locked: shift.locked,
  };
}

/** A new shift on `date` for `agentId`, 09:00–17:00 in `zone` unless said otherwise. */
export function newDraft(input: { agentId: string; date: string; zone: string; startTime?: string; endTime?: string }): ShiftDraft {
  return {
    shiftId: null,
    agentId: input.agentId,
    date: input.date,
    startTime: input.startTime ?? '09:00',
    endTime: input.endTime ?? '17:00',
    zone: input.zone,
    channel: null,
    label: '',
    status: 'published',
    locked: false,
  };
}
