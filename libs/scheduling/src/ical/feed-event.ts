import type { Instant } from '../model/types';

/** RFC 5545 §3.8.2.7 TRANSP: `opaque` blocks time (busy), `transparent` leaves it free. */
export type FeedTransparency = 'opaque' | 'transparent';

/** A person on an event (RFC 5545 §3.8.4.1 ATTENDEE / §3.8.4.3 ORGANIZER). */
export interface FeedPerson {
  name: string;
  email: string;
}

/**
 * What one VEVENT says, independent of when it was published: everything that, when it
 * changes, must raise SEQUENCE (RFC 5545 §3.8.7.4). Plain JSON so it can be stored and hashed.
 */
export interface FeedEventContent {
  /** RFC 5545 §3.8.4.7: globally unique and the same for the life of the shift or gap. */
  uid: string;
  /** [start, end) in UTC epoch ms; written as UTC DATE-TIME with the Z (§3.3.5 form #2). */
  start: Instant;
  end: Instant;
  summary: string;
  description: string;
  /** Free text, e.g. the channel; null for none. */
  location: string | null;
  transparency: FeedTransparency;
  /** Who works the shift; null for gaps (nobody does). */
  attendee: FeedPerson | null;
  categories: string[];
}

/**
 * One event as a feed publishes it: its content plus what the feed remembers about it
 * (RFC 5545 §3.8.7.4 SEQUENCE, §3.8.7.3 LAST-MODIFIED, §3.8.1.11 STATUS).
 */
export interface FeedEvent extends FeedEventContent {
  sequence: number;
  /** UTC epoch ms of the last change to this event in this feed. */
  lastModified: Instant;
  /** CANCELLED once the shift left the feed (swapped away, deleted, unpublished). */
  cancelled: boolean;
}
