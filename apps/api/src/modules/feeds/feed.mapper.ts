import type { Feed } from '@shiftdesk/shared-api-contract';
import type { FeedEntity } from './feed.entity';

export function toFeed(row: FeedEntity): Feed {
  return {
    id: row.id,
    kind: row.kind,
    teamId: row.teamId,
    agentId: row.agentId,
    pastDays: row.pastDays,
    futureDays: row.futureDays,
    transparency: row.transparency,
    tokenHint: row.tokenHint,
    createdAt: row.createdAt,
    rotatedAt: row.rotatedAt,
  };
}

/** The public path of a feed: the token is the only secret, `.ics` helps clients that sniff names. */
export function feedPath(token: string): string {
  return `/api/feeds/${token}.ics`;
}
