import type { FeedEventContent } from './feed-event';
import { CANCELLED_RETENTION_MS, canonicalFeedContent, reconcileFeedEvents, type FeedEventState } from './reconcile-feed';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 23, 12);
const window = { from: NOW - 30 * DAY, to: NOW + 180 * DAY };

function content(uid: string, overrides: Partial<FeedEventContent> = {}): FeedEventContent {
  return {
    uid,
    start: NOW + DAY,
    end: NOW + DAY + 8 * 3_600_000,
    summary: 'Shift',
    description: '',
    location: null,
    transparency: 'opaque',
    attendee: { name: 'Anna', email: 'anna@example.com' },
    categories: ['Shift'],
    ...overrides,
  };
}
const current = (c: FeedEventContent) => ({ content: c, fingerprint: canonicalFeedContent(c) });

function publish(contents: FeedEventContent[], previous: FeedEventState[], now: number) {
  return reconcileFeedEvents({ previous, current: contents.map(current), ...window, now });
}

describe('reconcileFeedEvents', () => {
  it('publishes new events at SEQUENCE 0 and writes nothing when nothing changed', () => {
    const first = publish([content('a'), content('b')], [], NOW);
    expect(first.inserted.map((s) => [s.uid, s.sequence, s.lastModified])).toEqual([
      ['a', 0, NOW],
      ['b', 0, NOW],
    ]);
    const again = publish([content('a'), content('b')], first.states, NOW + 60_000);
    expect(again).toMatchObject({ inserted: [], updated: [], deleted: [] });
    expect(again.states).toEqual(first.states);
  });

  it('raises SEQUENCE and LAST-MODIFIED when the shift moves to another agent, keeping the UID', () => {
    const first = publish([content('a')], [], NOW);
    const moved = publish([content('a', { attendee: { name: 'Bea', email: 'bea@example.com' }, start: NOW + 2 * DAY, end: NOW + 2 * DAY + 1 })], first.states, NOW + 1000);
    expect(moved.updated).toHaveLength(1);
    expect(moved.states[0]).toMatchObject({ uid: 'a', sequence: 1, lastModified: NOW + 1000, cancelledAt: null });
  });

  it('cancels an event removed inside the window, keeps it 30 days, then forgets it', () => {
    const first = publish([content('a'), content('b')], [], NOW);
    const removed = publish([content('a')], first.states, NOW + 1000);
    expect(removed.updated).toEqual([expect.objectContaining({ uid: 'b', sequence: 1, cancelledAt: NOW + 1000 })]);
    expect(removed.states.map((s) => s.uid)).toEqual(['a', 'b']);
    const later = publish([content('a')], removed.states, NOW + 1000 + CANCELLED_RETENTION_MS - 1);
    expect(later).toMatchObject({ updated: [], deleted: [] });
    const expired = publish([content('a')], removed.states, NOW + 1000 + CANCELLED_RETENTION_MS);
    expect(expired.deleted).toEqual(['b']);
    expect(expired.states.map((s) => s.uid)).toEqual(['a']);
  });

  it('revives a cancelled event that comes back with SEQUENCE + 1', () => {
    const first = publish([content('a')], [], NOW);
    const cancelled = publish([], first.states, NOW + 1);
    const back = publish([content('a')], cancelled.states, NOW + 2);
    expect(back.states[0]).toMatchObject({ sequence: 2, cancelledAt: null, lastModified: NOW + 2 });
  });

  it('forgets, without cancelling, an event whose time left the window', () => {
    const old = content('old', { start: window.from - DAY, end: window.from - DAY + 1000 });
    const previous: FeedEventState[] = [{ uid: 'old', fingerprint: canonicalFeedContent(old), sequence: 0, lastModified: NOW - 40 * DAY, cancelledAt: null, content: old }];
    const result = publish([], previous, NOW);
    expect(result).toMatchObject({ updated: [], deleted: ['old'], states: [] });
  });
});
