import { Module } from '@nestjs/common';
import { RosterJobRecords } from './roster-job-records.service';
import { RosterJobs } from './roster-jobs.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';

@Module({ controllers: [RostersController], providers: [RostersService, RosterJobs, RosterJobRecords] })
export class RostersModule {}
