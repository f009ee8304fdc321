import { Module } from '@nestjs/common';
import { ScheduleController } from './schedule.controller';
import { ScheduleService } from './schedule.service';
import { ScheduleViewCache } from './schedule-view-cache.service';

@Module({ controllers: [ScheduleController], providers: [ScheduleService, ScheduleViewCache], exports: [ScheduleService] })
export class ScheduleViewsModule {}
