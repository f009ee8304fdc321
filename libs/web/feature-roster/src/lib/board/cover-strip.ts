import { formatDayLabel } from '@shiftdesk/web-data-access-schedule';
import { CELL_STATE_LABELS, type HeatCell, type HeatRow } from '../coverage-page/heatmap';

/** One day of the board's cover row: its 24 wall-clock hours, as the bars above them are laid out. */
export interface CoverDay {
  date: string;
  cells: (HeatCell & { title: string })[];
  /** The day in words, for screen readers (the colours are hidden from them). */
  summary: string;
}

/** The cover row of one week: per day, and the hours a coverage rule is not met. */
export interface CoverStrip {
  days: CoverDay[];
  /** Hours with a rule asking for someone (the target's hours this week). */
  targetHours: number;
  /** Of those, hours where fewer agents are on shift than a rule asks (`short` and `uncovered`). */
  shortHours: number;
  uncoveredHours: number;
}

/**
 * The board's cover row from the coverage heatmap (hour rows × day columns): the same cells turned
 * into day columns, so each day's 24 hours sit under that day's bars (bars are placed on the wall
 * clock, 09:00 always 37.5 % across, and so are these hours, on the short and the long DST day
 * too: a missing hour is `none`, a repeated one takes the worse of its two).
 */
export function buildCoverStrip(rows: readonly HeatRow[], dates: readonly string[]): CoverStrip {
  let targetHours = 0;
  let shortHours = 0;
  let uncoveredHours = 0;
  const days = dates.map((date, index) => {
    const cells = rows.map((row) => {
      const cell = row.cells[index] as HeatCell;
      if (cell.state === 'met' || cell.state === 'short' || cell.state === 'uncovered') targetHours++;
      if (cell.state === 'short') shortHours++;
      if (cell.state === 'uncovered') uncoveredHours++;
      return { ...cell, title: describeCoverCell(cell) };
    });
    const short = cells.filter((cell) => cell.state === 'short' || cell.state === 'uncovered').map((cell) => `${String(cell.hour).padStart(2, '0')}:00`);
    const inTarget = short.length > 0 || cells.some((cell) => cell.state === 'met');
    const summary = `${formatDayLabel(date)}: ${!inTarget ? 'no target' : short.length ? `short at ${short.join(', ')}` : 'target met'}`;
    return { date, cells, summary };
  });
  return { days, targetHours, shortHours: shortHours + uncoveredHours, uncoveredHours };
}

/** `Wed 9 Dec 14:00–15:00 · 1 of 2 on shift · Short` (the hour's worst 15 minutes). */
export function describeCoverCell(cell: HeatCell): string {
  const hour = `${String(cell.hour).padStart(2, '0')}:00–${String((cell.hour + 1) % 24).padStart(2, '0')}:00`;
  const head = `${formatDayLabel(cell.date)} ${hour}`;
  if (cell.state === 'none') return `${head} · no such hour (the clocks change)`;
  if (cell.state === 'outside') return `${head} · no coverage target`;
  return `${head} · ${cell.present ?? 0} of ${cell.required} on shift · ${CELL_STATE_LABELS[cell.state]}`;
}

/** The row's headline: what a manager reads before looking at the colours. */
export function describeCoverStrip(strip: CoverStrip): string {
  if (!strip.targetHours) return 'No target this week';
  if (!strip.shortHours) return 'Target met all week';
  if (strip.uncoveredHours === strip.shortHours) return `${strip.shortHours} h with nobody on shift`;
  const uncovered = strip.uncoveredHours ? ` (${strip.uncoveredHours} h with nobody)` : '';
  return `${strip.shortHours} h short${uncovered}`;
}
