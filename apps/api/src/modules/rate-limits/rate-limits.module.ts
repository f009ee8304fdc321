import { type ExecutionContext, Module } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { RATE_LIMIT_KEY, RATE_LIMIT_KEYS, type RateLimitName } from './rate-limit.guard';

const NAMES: RateLimitName[] = ['login', 'feed'];

/**
 * The rate limits (SHIFTDESK_LOGIN_RATE_LIMIT, SHIFTDESK_FEED_RATE_LIMIT). Each named budget
 * applies only to the routes marked @RateLimit(name); everything else is never counted.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, Reflector],
      useFactory: (config: AppConfig, reflector: Reflector) => ({
        setHeaders: false,
        throttlers: NAMES.map((name) => ({
          name,
          limit: config.rateLimits[name].limit,
          ttl: config.rateLimits[name].windowMs,
          skipIf: (context: ExecutionContext) => reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, context.getHandler()) !== name,
          getTracker: (request: Record<string, unknown>) => RATE_LIMIT_KEYS[name](request),
        })),
      }),
    }),
  ],
})
export class RateLimitsModule {}
