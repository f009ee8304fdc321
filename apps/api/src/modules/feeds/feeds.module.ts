import { Module } from '@nestjs/common';
import { ScheduleViewsModule } from '../schedule/schedule.module';
import { FeedPublisher } from './feed-publisher.service';
import { FeedsController } from './feeds.controller';
import { FEED_REFRESH_MINUTES, readFeedRefreshMinutes } from './feeds.config';
import { FeedsService } from './feeds.service';

@Module({
  imports: [ScheduleViewsModule],
  controllers: [FeedsController],
  providers: [FeedsService, FeedPublisher, { provide: FEED_REFRESH_MINUTES, useFactory: () => readFeedRefreshMinutes() }],
})
export class FeedsModule {}
