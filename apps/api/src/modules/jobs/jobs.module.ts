import { Global, Module } from '@nestjs/common';
import { JobLeaseService } from './job-lease.service';
import { JobScheduler } from './job-scheduler.service';
import { JOB_TICK_MS, readJobTickMs } from './jobs.config';

/** Job leases and the scheduler every periodic job registers with (gap scan, webhook retries, request expiry, calendar imports, session cleanup). */
@Global()
@Module({
  providers: [JobLeaseService, JobScheduler, { provide: JOB_TICK_MS, useFactory: () => readJobTickMs() }],
  exports: [JobLeaseService, JobScheduler],
})
export class JobsModule {}
