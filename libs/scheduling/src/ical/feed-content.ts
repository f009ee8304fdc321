import type { Gap } from '../coverage/find-gaps';
import type { Instant, Shift } from '../model/types';
import { instantToLocal } from '../time/zoned-time';
import type { FeedEventContent, FeedTransparency } from './feed-event';

/** The three kinds of feed: one agent's shifts, a whole team's, and a team's open gaps. */
export type FeedKind = 'agent' | 'team' | 'gaps';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Suffix that makes a UID globally unique (RFC 5545 §3.8.4.7 recommends a domain-like right side). */
const UID_DOMAIN = 'shiftdesk';

/**
 * `Sun 2027-03-28 01:00 – 09:00`, or with the end's date when it falls on another local day
 * (a shift across midnight). Instants are UTC ms; `zone` is IANA.
 */
export function describeLocalSpan(start: Instant, end: Instant, zone: string): string {
  // A feed describes each span twice (agent's and team's zone) and a team's shifts share few
  // distinct spans: remember them (a pure function of its arguments; bounded memory).
  const key = `${start}|${end}|${zone}`;
  let text = SPAN_TEXTS.get(key);
  if (text === undefined) {
    text = writeLocalSpan(start, end, zone);
    if (SPAN_TEXTS.size >= MAX_SPAN_TEXTS) SPAN_TEXTS.clear();
    SPAN_TEXTS.set(key, text);
  }
  return text;
}

const SPAN_TEXTS = new Map<string, string>();
const MAX_SPAN_TEXTS = 20_000;

function writeLocalSpan(start: Instant, end: Instant, zone: string): string {
  const from = instantToLocal(start, zone);
  const to = instantToLocal(end, zone);
  if (!from.ok || !to.ok) return `${new Date(start).toISOString()} – ${new Date(end).toISOString()}`;
  const day = (date: string) => `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${date}`;
  const endText = to.value.date === from.value.date ? to.value.time : `${day(to.value.date)} ${to.value.time}`;
  return `${day(from.value.date)} ${from.value.time} – ${endText}`;
}

export interface ShiftFeedInput {
  kind: 'agent' | 'team';
  shift: Shift;
  agent: { name: string; email: string; timeZone: string };
  team: { name: string; timeZone: string };
  transparency: FeedTransparency;
}

/**
 * One shift as a feed event. The UID comes from the shift id, which stays the same for the life
 * of the shift, also when a swap gives it to another agent (then DTSTART/ATTENDEE change, not the
 * UID). Agent and team feeds use different UIDs so a person subscribed to both sees two events.
 * DESCRIPTION carries the local times in the agent's and the team's zones.
 */
export function shiftFeedContent(input: ShiftFeedInput): FeedEventContent {
  const { shift, agent, team } = input;
  const what = [shift.channel, shift.label].filter((part): part is string => Boolean(part));
  const summary = input.kind === 'team' ? [agent.name, ...what].join(' · ') : ['Shift', ...what].join(' · ');
  const description = [
    `${input.kind === 'team' ? agent.name : 'Your time'} (${agent.timeZone}): ${describeLocalSpan(shift.start, shift.end, agent.timeZone)}`,
    `Team ${team.name} (${team.timeZone}): ${describeLocalSpan(shift.start, shift.end, team.timeZone)}`,
    `Channel: ${shift.channel ?? 'any of the agent’s channels'}`,
  ].join('\n');
  return {
    uid: `${input.kind === 'team' ? 'team-shift' : 'shift'}-${shift.id}@${UID_DOMAIN}`,
    start: shift.start,
    end: shift.end,
    summary,
    description,
    location: shift.channel,
    transparency: input.transparency,
    attendee: { name: agent.name, email: agent.email },
    categories: ['Shift'],
  };
}

/** One open gap as a feed event: nobody works it, so no attendee; free time by default. */
export function gapFeedContent(input: { gap: Gap; team: { name: string; timeZone: string }; transparency: FeedTransparency }): FeedEventContent {
  const { gap, team } = input;
  const need = gap.level === 'warning' ? 'single point of failure' : `${gap.present} of ${gap.required} agents`;
  const requirement = [gap.channel, gap.language ? `${gap.language.code}${gap.language.minLevel ? ` ≥ ${gap.language.minLevel}` : ''}` : null].filter(Boolean).join(', ');
  return {
    uid: `${gap.id}@${UID_DOMAIN}`,
    start: gap.start,
    end: gap.end,
    summary: `Gap: ${gap.ruleName} (${need})`,
    description: [
      `Team ${team.name} (${team.timeZone}): ${describeLocalSpan(gap.start, gap.end, team.timeZone)}`,
      `Rule: ${gap.ruleName}${requirement ? ` (${requirement})` : ''}`,
      `Severity: ${gap.severity}`,
      gap.level === 'warning' ? 'Only one eligible agent is on shift.' : `Missing ${gap.shortfallAgentHours} agent-hours.`,
    ].join('\n'),
    location: gap.channel ?? null,
    transparency: input.transparency,
    attendee: null,
    categories: ['Gap'],
  };
}
