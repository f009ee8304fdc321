import { Module } from '@nestjs/common';
import { ScheduleViewsModule } from '../schedule/schedule.module';
import { WebhooksModule } from '../webhooks/webhooks.module';
import { AlertsController } from './alerts.controller';
import { GAP_SCAN_WEEKS, GapAlertsService } from './gap-alerts.service';
import { readGapScanWeeks } from './gap-scan.config';
import { GapScanJob } from './gap-scan.job';

@Module({
  imports: [ScheduleViewsModule, WebhooksModule],
  controllers: [AlertsController],
  providers: [GapAlertsService, GapScanJob, { provide: GAP_SCAN_WEEKS, useFactory: () => readGapScanWeeks() }],
  exports: [GapAlertsService],
})
export class AlertsModule {}
