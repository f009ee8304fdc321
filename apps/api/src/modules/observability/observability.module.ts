import { Global, Module } from '@nestjs/common';
import { MetricsService } from './metrics.service';

/** Metrics for every module (roster jobs count their runs); the HTTP side is wired in create-app. */
@Global()
@Module({
  providers: [MetricsService],
  exports: [MetricsService],
})
export class ObservabilityModule {}
