import type { Instant } from '../model/types';
import type { FeedEvent, FeedEventContent } from './feed-event';

/** Cancelled events stay in a feed this long so subscribed calendars drop them (ms): 30 days. */
export const CANCELLED_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** What a feed remembers about one event it has published. */
export interface FeedEventState {
  uid: string;
  /** Digest of the content (the caller hashes `canonicalFeedContent`): a change raises SEQUENCE. */
  fingerprint: string;
  sequence: number;
  lastModified: Instant;
  /** When the event left the feed; null while it is live. */
  cancelledAt: Instant | null;
  /** The content last published, kept so a cancelled event can still be written. */
  content: FeedEventContent;
}

export interface ReconcileFeedInput {
  previous: FeedEventState[];
  /** Events the feed shows now, each with the fingerprint of its content. */
  current: { content: FeedEventContent; fingerprint: string }[];
  /** The feed's window [from, to) in UTC ms: events that merely left it are forgotten, not cancelled. */
  from: Instant;
  to: Instant;
  now: Instant;
  retentionMs?: number;
}

export interface ReconcileFeedResult {
  /** Every event to publish, live and cancelled, by start then UID (stable output). */
  states: FeedEventState[];
  inserted: FeedEventState[];
  updated: FeedEventState[];
  /** UIDs to forget. */
  deleted: string[];
}

/**
 * Compares what a feed shows now with what it published before (RFC 5545 §3.8.7.4: SEQUENCE rises
 * on every change a subscriber must see):
 * - a new UID starts at SEQUENCE 0;
 * - a changed event (other times, agent, text) or a cancelled one that came back gets SEQUENCE + 1
 *   and LAST-MODIFIED = now;
 * - an event that is gone while its time is still inside the window (swapped away, deleted,
 *   unpublished) becomes STATUS:CANCELLED (§3.8.1.11) with SEQUENCE + 1 and stays for
 *   `retentionMs` (30 days), so calendars that keep their copy drop it;
 * - an event that is gone because its time left the window is forgotten silently (nothing was
 *   cancelled; the calendar keeps its past copy), as is a cancelled event past its retention.
 * Pure: `now` is passed in; the lists tell the caller exactly what to write (nothing when nothing changed).
 */
export function reconcileFeedEvents(input: ReconcileFeedInput): ReconcileFeedResult {
  const retention = input.retentionMs ?? CANCELLED_RETENTION_MS;
  const previous = new Map(input.previous.map((state) => [state.uid, state]));
  const states: FeedEventState[] = [];
  const inserted: FeedEventState[] = [];
  const updated: FeedEventState[] = [];
  const deleted: string[] = [];
  const seen = new Set<string>();

  for (const { content, fingerprint } of input.current) {
    if (seen.has(content.uid)) continue;
    seen.add(content.uid);
    const before = previous.get(content.uid);
    if (!before) {
      const state = { uid: content.uid, fingerprint, sequence: 0, lastModified: input.now, cancelledAt: null, content };
      inserted.push(state);
      states.push(state);
    } else if (before.fingerprint !== fingerprint || before.cancelledAt !== null) {
      const state = { uid: content.uid, fingerprint, sequence: before.sequence + 1, lastModified: input.now, cancelledAt: null, content };
      updated.push(state);
      states.push(state);
    } else {
      states.push(before);
    }
  }

  for (const before of input.previous) {
    if (seen.has(before.uid)) continue;
    const outsideWindow = before.content.end <= input.from || before.content.start >= input.to;
    if (outsideWindow || (before.cancelledAt !== null && input.now - before.cancelledAt >= retention)) {
      deleted.push(before.uid);
    } else if (before.cancelledAt === null) {
      const state = { ...before, sequence: before.sequence + 1, lastModified: input.now, cancelledAt: input.now };
      updated.push(state);
      states.push(state);
    } else {
      states.push(before);
    }
  }

  states.sort((a, b) => a.content.start - b.content.start || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
  return { states, inserted, updated, deleted };
}

/** The state as the writer publishes it. */
export function toFeedEvent(state: FeedEventState): FeedEvent {
  // Property by property rather than a spread: a large feed writes tens of thousands of these.
  const { content } = state;
  return {
    uid: content.uid,
    start: content.start,
    end: content.end,
    summary: content.summary,
    description: content.description,
    location: content.location,
    transparency: content.transparency,
    attendee: content.attendee,
    categories: content.categories,
    sequence: state.sequence,
    lastModified: state.lastModified,
    cancelled: state.cancelledAt !== null,
  };
}

/** Content as JSON with a fixed key order: equal content, equal text (the caller hashes it). */
export function canonicalFeedContent(content: FeedEventContent): string {
  return JSON.stringify([
    content.uid,
    content.start,
    content.end,
    content.summary,
    content.description,
    content.location,
    content.transparency,
    content.attendee ? [content.attendee.name, content.attendee.email] : null,
    content.categories,
  ]);
}
