// ---- Calendar feeds (issue 6) ---------------------------------------------------------------

/** One agent's shifts, a whole team's shifts, or a team's open gaps (managers only). */
export const FEED_KINDS = ['agent', 'team', 'gaps'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** RFC 5545 TRANSP: `opaque` shows the time as busy, `transparent` as free. */
export const FEED_TRANSPARENCIES = ['opaque', 'transparent'] as const;
export type FeedTransparencyOption = (typeof FEED_TRANSPARENCIES)[number];

export const DEFAULT_FEED_PAST_DAYS = 30;
export const DEFAULT_FEED_FUTURE_DAYS = 180;
export const MAX_FEED_PAST_DAYS = 366;
export const MAX_FEED_FUTURE_DAYS = 731;

/** A feed as its owner manages it. The secret URL is only in `FeedSecret`, shown once. */
export interface Feed {
  id: string;
  kind: FeedKind;
  teamId: string;
  /** The agent of an `agent` feed; null for team and gaps feeds. */
  agentId: string | null;
  /** Days before today (UTC) and after it that the feed covers. */
  pastDays: number;
  futureDays: number;
  transparency: FeedTransparencyOption;
  /** Last 4 characters of the token, to tell URLs apart; the token itself is stored only hashed. */
  tokenHint: string;
  createdAt: string;
  /** When the token was last issued (created or rotated). */
  rotatedAt: string;
}

/** The answer to create and rotate: the only time the URL is shown. */
export interface FeedSecret {
  feed: Feed;
  /** Path of the feed under the site, `/api/feeds/<token>.ics`; the web app adds the origin. */
  path: string;
}

export interface CreateFeedRequest {
  kind: FeedKind;
  /** For team and gaps feeds. */
  teamId?: string;
  /** For agent feeds. */
  agentId?: string;
  pastDays?: number;
  futureDays?: number;
  transparency?: FeedTransparencyOption;
}

export interface UpdateFeedRequest {
  pastDays?: number;
  futureDays?: number;
  transparency?: FeedTransparencyOption;
}

export interface FeedsQuery {
  teamId?: string;
  agentId?: string;
}

// ---- Calendar imports: an agent's unavailability from an external calendar -----------------

export const CALENDAR_IMPORT_STATUSES = ['ok', 'failed'] as const;
export type CalendarImportStatus = (typeof CALENDAR_IMPORT_STATUSES)[number];

/** One external calendar attached to an agent as unavailability. */
export interface CalendarImport {
  id: string;
  agentId: string;
  teamId: string;
  /** Shown to managers; null for an uploaded file. */
  url: string | null;
  label: string;
  /** Status of the last fetch or upload; a failed one keeps the previous spans. */
  lastStatus: CalendarImportStatus | null;
  lastError: string | null;
  lastFetchedAt: string | null;
  /** When the spans were last replaced by a good import. */
  lastSucceededAt: string | null;
  spanCount: number;
  createdAt: string;
}

/** A time the agent is not available: [start, end) UTC, with the zone it was written in. */
export interface UnavailabilitySpan {
  id: string;
  agentId: string;
  importId: string;
  start: string;
  end: string;
  /** IANA zone of the source event, or null when it was in UTC or floating. */
  timeZone: string | null;
  allDay: boolean;
  summary: string;
}

export interface CreateCalendarImportRequest {
  /** http(s) URL of an iCal file (webcal:// is accepted and read as https://). */
  url?: string;
  /** The text of an uploaded .ics file, when there is no URL. */
  ics?: string;
  label?: string;
}

export interface UnavailabilityResponse {
  agentId: string;
  from: string;
  to: string;
  spans: UnavailabilitySpan[];
}
