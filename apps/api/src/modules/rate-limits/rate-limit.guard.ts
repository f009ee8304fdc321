import { type ExecutionContext, HttpException, HttpStatus, Injectable, SetMetadata, UseGuards, applyDecorators } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail } from '@nestjs/throttler';
import { createHash } from 'node:crypto';
import { apiError } from '../../common/api-error';

/** The limited routes: each has its own budget and its own key (see RATE_LIMIT_KEYS). */
export type RateLimitName = 'login' | 'feed';

export const RATE_LIMIT_KEY = 'shiftdesk:rate-limit';

/** Puts a route under one named rate limit (and no other). */
export const RateLimit = (name: RateLimitName): MethodDecorator & ClassDecorator => applyDecorators(SetMetadata(RATE_LIMIT_KEY, name), UseGuards(RateLimitGuard));

interface LimitedRequest {
  ip?: string;
  body?: unknown;
  params?: Record<string, string | undefined>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * What one budget is counted against. Sign-in: the client address AND the email, so one office
 * behind a single address does not lock each other out, and one address cannot try one email
 * fast. Feeds: the token in the URL (one calendar subscription), whoever asks for it.
 */
export const RATE_LIMIT_KEYS: Record<RateLimitName, (request: LimitedRequest) => string> = {
  login: (request) => {
    const email = (request.body as { email?: unknown } | undefined)?.email;
    return `${request.ip ?? ''}|${sha256(typeof email === 'string' ? email.trim().toLowerCase() : '')}`;
  },
  feed: (request) => sha256(request.params?.['file'] ?? ''),
};

const WAIT_MESSAGES: Record<RateLimitName, string> = {
  login: 'Too many sign-in attempts for this email from this address',
  feed: 'This calendar feed was requested too often; calendar apps should poll it every few minutes at most',
};

/** 429 that says when to retry; the exception filter turns `retryAfterSeconds` into Retry-After. */
export class RateLimitedException extends HttpException {
  readonly retryAfterSeconds: number;

  constructor(name: RateLimitName, seconds: number) {
    const wait = Math.max(1, Math.ceil(seconds));
    super(apiError(429, `${WAIT_MESSAGES[name]}: try again in ${wait} second${wait === 1 ? '' : 's'}`), HttpStatus.TOO_MANY_REQUESTS);
    this.retryAfterSeconds = wait;
  }
}

/**
 * @nestjs/throttler's guard, counting in this process's memory (several API instances each
 * allow the budget; the database-backed login lock-out is the limit they share).
 */
@Injectable()
export class RateLimitGuard extends ThrottlerGuard {
  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const name = this.reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, context.getHandler()) ?? 'login';
    throw new RateLimitedException(name, detail.timeToBlockExpire);
  }
}
