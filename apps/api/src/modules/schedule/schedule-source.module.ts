import { Global, Module } from '@nestjs/common';
import { ScheduleChanges } from './schedule-changes.service';
import { ScheduleSource } from './schedule-source.service';

/** Shared by every scheduling module: loading and resolving a team's schedule, change notices. */
@Global()
@Module({ providers: [ScheduleSource, ScheduleChanges], exports: [ScheduleSource, ScheduleChanges] })
export class ScheduleSourceModule {}
