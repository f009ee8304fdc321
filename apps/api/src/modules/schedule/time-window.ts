import { MAX_WINDOW_DAYS } from '@shiftdesk/shared-api-contract';
import { instantToLocal, localToInstant, type Instant } from '@shiftdesk/scheduling';
import { badField } from './schedule-errors';
import { DAY_MS, fromIso } from './instants';

export interface Window {
  from: Instant;
  to: Instant;
}

/** `YYYY-MM-DDTHH:mm` wall clock of an instant in `zone`, for labels. */
export function localLabel(instant: Instant, zone: string): string {
  const local = instantToLocal(instant, zone);
  return local.ok ? `${local.value.date}T${local.value.time}` : '';
}

/** Monday of the week containing `now`, as a local date in `zone`. */
export function mondayOf(now: Instant, zone: string): string {
  const local = instantToLocal(now, zone);
  const date = local.ok ? local.value.date : new Date(now).toISOString().slice(0, 10);
  const day = new Date(`${date}T00:00:00Z`);
  const sinceMonday = (day.getUTCDay() + 6) % 7;
  return new Date(day.getTime() - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

/** Local midnight of `date` in `zone`, UTC epoch ms. */
export function startOfLocalDate(date: string, zone: string): Instant {
  const result = localToInstant({ date, time: '00:00', zone });
  if (!result.ok) throw badField('date', result.message);
  return result.value;
}

/**
 * Resolves `?from&to` for a read endpoint: the default is this week (Monday 00:00 in the team's
 * zone, 7 days); `to` defaults to `from` + 7 days; `to` must be after `from` and the span at most
 * `maxDays`. `now` is the request's clock, passed in.
 */
export function resolveWindow(input: { from?: string; to?: string; zone: string; now: Instant; maxDays?: number }): Window {
  const maxDays = input.maxDays ?? MAX_WINDOW_DAYS;
  let from: Instant;
  if (input.from !== undefined) from = fromIso(input.from);
  else if (input.to !== undefined) from = fromIso(input.to) - 7 * DAY_MS;
  else from = startOfLocalDate(mondayOf(input.now, input.zone), input.zone);
  const to = input.to !== undefined ? fromIso(input.to) : from + 7 * DAY_MS;
  if (!(to > from)) throw badField('to', 'must be after from');
  if (to - from > maxDays * DAY_MS) throw badField('to', `the window may span at most ${maxDays} days`);
  return { from, to };
}
