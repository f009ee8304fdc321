import { Global, Module } from '@nestjs/common';
import { JobLeaseService } from './job-lease.service';

/** Job leases, shared by every periodic job (gap scan, webhook retries, later feed imports). */
@Global()
@Module({ providers: [JobLeaseService], exports: [JobLeaseService] })
export class JobsModule {}
