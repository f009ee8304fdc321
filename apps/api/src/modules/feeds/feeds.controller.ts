import { Body, Controller, Delete, Get, HttpCode, NotFoundException, Param, Patch, Post, Query, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Feed, FeedSecret } from '@shiftdesk/shared-api-contract';
// Node's own types: express's are not installed, and these are all the route uses.
import type { IncomingMessage as Request, ServerResponse as Response } from 'node:http';
import { acceptsGzip } from '../../common/encoded-json';
import { Public } from '../auth/auth.constants';
import { RateLimit } from '../rate-limits/rate-limit.guard';
import { AuthUser, type AuthenticatedUser } from '../auth/authenticated-user';
import { CreateFeedDto, ListFeedsDto, UpdateFeedDto } from './dto/create-feed.dto';
import { FeedPublisher } from './feed-publisher.service';
import { FeedsService } from './feeds.service';

/** base64url tokens as `newToken` writes them (43 characters); anything else is not a feed. */
const TOKEN_FILE = /^([A-Za-z0-9_-]{32,64})\.ics$/;

/**
 * Calendar feeds. Management (create, list, change, rotate, revoke) needs a session; the feed
 * itself is public at `/api/feeds/<token>.ics` because calendar servers poll it without a login:
 * the token is the credential, so an unknown or revoked one is a plain 404.
 */
@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly feeds: FeedsService,
    private readonly publisher: FeedPublisher,
  ) {}

  @Get()
  @ApiBearerAuth()
  list(@AuthUser() user: AuthenticatedUser, @Query() query: ListFeedsDto): Promise<Feed[]> {
    return this.feeds.list(user, query);
  }

  /** The answer holds the URL path with the token: the only time it is shown. */
  @Post()
  @ApiBearerAuth()
  create(@AuthUser() user: AuthenticatedUser, @Body() body: CreateFeedDto): Promise<FeedSecret> {
    return this.feeds.create(user, body);
  }

  @Patch(':id')
  @ApiBearerAuth()
  update(@AuthUser() user: AuthenticatedUser, @Param('id') id: string, @Body() body: UpdateFeedDto): Promise<Feed> {
    return this.feeds.update(user, id, body);
  }

  @Post(':id/rotate')
  @HttpCode(200)
  @ApiBearerAuth()
  rotate(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<FeedSecret> {
    return this.feeds.rotate(user, id);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  async revoke(@AuthUser() user: AuthenticatedUser, @Param('id') id: string): Promise<void> {
    await this.feeds.revoke(user, id);
  }

  /**
   * The calendar (RFC 5545), `text/calendar; charset=utf-8`, with a strong ETag and
   * Last-Modified; `If-None-Match` (or, without it, `If-Modified-Since`) that still matches gets
   * 304 without a body. `Cache-Control: private` (the URL is a secret, no shared cache should keep
   * it) with `max-age` equal to the refresh interval the calendar announces. gzip when asked.
   * The body is the feed's stored copy (see FeedPublisher), rendered again only after a change.
   */
  @Public()
  @RateLimit('feed')
  @Get(':file')
  async serve(@Param('file') file: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const match = TOKEN_FILE.exec(file);
    const gzipped = acceptsGzip(request.headers['accept-encoding']);
    // A body replaced by another request between the two reads is published again (rarely twice).
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const found = match ? await this.publisher.publish(match[1], Date.now()) : null;
      if (!found) throw new NotFoundException('No calendar feed at this address: it was revoked or rotated, or the link is incomplete');
      const { feed, published } = found;
      const etag = `"${published.etag}"`;
      const modified = notModified(request, etag, published.lastModified);
      const body = modified ? null : await this.publisher.body(feed, published, gzipped);
      if (!modified && body === null) continue;
      response.setHeader('ETag', etag);
      response.setHeader('Last-Modified', new Date(published.lastModified).toUTCString());
      response.setHeader('Cache-Control', `private, max-age=${published.refreshMinutes * 60}`);
      response.setHeader('Vary', 'Accept-Encoding');
      response.setHeader('X-Robots-Tag', 'noindex');
      response.setHeader('Referrer-Policy', 'no-referrer');
      if (body === null) {
        response.statusCode = 304;
        response.end();
        return;
      }
      response.statusCode = 200;
      response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
      response.setHeader('Content-Disposition', `inline; filename="${feed.kind}.ics"`);
      if (gzipped) response.setHeader('Content-Encoding', 'gzip');
      response.setHeader('Content-Length', String(body.length));
      response.end(request.method === 'HEAD' ? undefined : body);
      return;
    }
    throw new ServiceUnavailableException('The calendar is being updated by several requests at once; try again in a moment');
  }
}

/** RFC 9110 §13.1.2/§13.1.3: If-None-Match wins over If-Modified-Since; weak comparison for GET. */
function notModified(request: Request, etag: string, lastModified: number): boolean {
  const inm = request.headers['if-none-match'];
  if (inm !== undefined) {
    return String(inm)
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === '*' || tag === etag);
  }
  const ims = request.headers['if-modified-since'];
  if (ims === undefined) return false;
  const since = Date.parse(ims);
  return Number.isFinite(since) && Math.floor(lastModified / 1000) * 1000 <= since;
}
