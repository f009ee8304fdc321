import type { ImportedRotationPreview, RotationPreviewOccurrence } from '@shiftdesk/shared-api-contract';
import { formatDayLabel } from '@shiftdesk/web-data-access-schedule';
import { BYDAY_CODES, BYDAY_LABELS, type ByDay } from './rotation-form';

/** `09:00–17:00 Europe/Berlin · Mon, Tue, Wed, Thu, Fri · 5 shifts each` for one imported rotation. */
export function describeImportedRotation(rotation: ImportedRotationPreview): string {
  const parts = new Map(rotation.rrule.split(';').map((part) => part.split('=') as [string, string]));
  const interval = Number(parts.get('INTERVAL') ?? '1');
  const days = (parts.get('BYDAY') ?? '').split(',').filter((d): d is ByDay => (BYDAY_CODES as readonly string[]).includes(d));
  const weekly = parts.get('FREQ') === 'WEEKLY';
  const dayList = days.length && days.length < 7 ? days.map((d) => BYDAY_LABELS[d]).join(', ') : '';
  const every = interval > 1 ? `every ${interval} ${weekly ? 'weeks' : 'days'}` : '';
  const dayText = [dayList, every].filter(Boolean).join(', ') || 'every day';
  const span = rotation.localStartTime === rotation.localEndTime ? `24 h from ${rotation.localStartTime}` : `${rotation.localStartTime}–${rotation.localEndTime}`;
  const handoff = rotation.handoff.mode === 'all' ? 'everyone, every shift' : `${rotation.handoff.every} ${rotation.handoff.every === 1 ? 'shift' : 'shifts'} each`;
  return `${span} ${rotation.timeZone} · ${dayText} · ${handoff}`;
}

/**
 * Who works the next occurrences, as runs: `Boris Lang Wed 25 Mar – Sun 29 Mar`, `Anna Weber from
 * Mon 30 Mar`. The last run is open: the preview stops, the turn may go on.
 */
export function describeTurns(next: readonly RotationPreviewOccurrence[], nameOf: (agentId: string) => string): string[] {
  const runs: { who: string; first: string; last: string }[] = [];
  for (const occurrence of next) {
    const who = occurrence.agentIds.map(nameOf).join(' + ') || 'nobody';
    const run = runs[runs.length - 1];
    if (run && run.who === who) run.last = occurrence.localDate;
    else runs.push({ who, first: occurrence.localDate, last: occurrence.localDate });
  }
  return runs.map((run, index) => {
    if (index === runs.length - 1) return `${run.who} from ${formatDayLabel(run.first)}`;
    return run.first === run.last ? `${run.who} ${formatDayLabel(run.first)}` : `${run.who} ${formatDayLabel(run.first)} – ${formatDayLabel(run.last)}`;
  });
}
