import { Module } from '@nestjs/common';
import { RosterJobs } from './roster-jobs.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';

@Module({ controllers: [RostersController], providers: [RostersService, RosterJobs] })
export class RostersModule {}
