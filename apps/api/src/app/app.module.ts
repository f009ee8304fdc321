import { type DynamicModule, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { ServeStaticModule } from '@nestjs/serve-static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { DatabaseModule } from '../database/database.module';
import { AgentsModule } from '../modules/agents/agents.module';
import { AlertsModule } from '../modules/alerts/alerts.module';
import { AuthModule } from '../modules/auth/auth.module';
import { DemoModule } from '../modules/demo/demo.module';
import { HealthModule } from '../modules/health/health.module';
import { JobsModule } from '../modules/jobs/jobs.module';
import { AuditModule } from '../modules/audit/audit.module';
import { CoverageModule } from '../modules/coverage/coverage.module';
import { OverridesModule } from '../modules/overrides/overrides.module';
import { RegionsModule } from '../modules/regions/regions.module';
import { RequestsModule } from '../modules/requests/requests.module';
import { RostersModule } from '../modules/rosters/rosters.module';
import { RotationsModule } from '../modules/rotations/rotations.module';
import { ScheduleSourceModule } from '../modules/schedule/schedule-source.module';
import { ScheduleViewsModule } from '../modules/schedule/schedule.module';
import { ShiftsModule } from '../modules/shifts/shifts.module';
import { TeamsModule } from '../modules/teams/teams.module';
import { WebhooksModule } from '../modules/webhooks/webhooks.module';
import { PayModule } from '../modules/pay/pay.module';
import { FeedsModule } from '../modules/feeds/feeds.module';
import { PreferencesModule } from '../modules/preferences/preferences.module';
import { ObservabilityModule } from '../modules/observability/observability.module';
import { RateLimitsModule } from '../modules/rate-limits/rate-limits.module';

/** Whether the built web app is there to serve (it is absent in API-only development and tests). */
export function hasWebDist(config: AppConfig): boolean {
  return existsSync(join(config.webDist, 'index.html'));
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    const web = hasWebDist(config)
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.webDist,
            // Deep links such as /agents get index.html (the Angular router takes over);
            // /api/* never does, so API typos stay JSON 404s.
            exclude: ['/api/{*path}'],
          }),
        ]
      : [];
    return {
      module: AppModule,
      global: true,
      imports: [
        DatabaseModule.forRoot(config.database),
        // Later issues register jobs (gap rescans, webhook retries).
        ScheduleModule.forRoot(),
        ...web,
        HealthModule,
        AuthModule,
        RegionsModule,
        TeamsModule,
        AgentsModule,
        DemoModule,
        ScheduleSourceModule,
        JobsModule,
        AuditModule,
        ShiftsModule,
        RotationsModule,
        OverridesModule,
        CoverageModule,
        ScheduleViewsModule,
        RostersModule,
        WebhooksModule,
        AlertsModule,
        RequestsModule,
        PayModule,
        FeedsModule,
        PreferencesModule,
        ObservabilityModule,
        RateLimitsModule,
      ],
      providers: [{ provide: APP_CONFIG, useValue: config }],
      exports: [APP_CONFIG],
    };
  }
}
