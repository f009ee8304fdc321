import { Module } from '@nestjs/common';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { MeRequestsController } from './me-requests.controller';
import { MyShiftsService } from './my-shifts.service';
import { NoticesService } from './notices.service';
import { RequestExpiryJob } from './request-expiry.job';
import { RequestImpactService } from './request-impact.service';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

/** Agents' side (issue 5): requests, their impact and trail, notices, and "my shifts". */
@Module({
  imports: [WebhooksModule],
  controllers: [RequestsController, MeRequestsController],
  providers: [RequestsService, RequestImpactService, NoticesService, MyShiftsService, RequestExpiryJob],
  exports: [RequestsService],
})
export class RequestsModule {}
