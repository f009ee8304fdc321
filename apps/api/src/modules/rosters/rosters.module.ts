import { Module } from '@nestjs/common';
import { PayModule } from '../pay/pay.module';
import { PreferencesModule } from '../preferences/preferences.module';
import { RosterJobRecords } from './roster-job-records.service';
import { RosterJobs } from './roster-jobs.service';
import { RostersController } from './rosters.controller';
import { RostersService } from './rosters.service';

@Module({ imports: [PayModule, PreferencesModule], controllers: [RostersController], providers: [RostersService, RosterJobs, RosterJobRecords] })
export class RostersModule {}
