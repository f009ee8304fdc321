import { Module } from '@nestjs/common';
import { ScheduleViewsModule } from '../schedule/schedule.module';
import { CalendarImportJob } from './calendar-import.job';
import { CalendarImportsController } from './calendar-imports.controller';
import { CalendarImportsService } from './calendar-imports.service';
import { FeedPublisher } from './feed-publisher.service';
import { FeedsController } from './feeds.controller';
import { FEED_REFRESH_MINUTES, IMPORT_REFRESH_MINUTES, readFeedRefreshMinutes, readImportRefreshMinutes } from './feeds.config';
import { FeedsService } from './feeds.service';

@Module({
  imports: [ScheduleViewsModule],
  controllers: [FeedsController, CalendarImportsController],
  providers: [
    FeedsService,
    FeedPublisher,
    CalendarImportsService,
    CalendarImportJob,
    { provide: FEED_REFRESH_MINUTES, useFactory: () => readFeedRefreshMinutes() },
    { provide: IMPORT_REFRESH_MINUTES, useFactory: () => readImportRefreshMinutes() },
  ],
  exports: [CalendarImportsService],
})
export class FeedsModule {}
