import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource, MoreThan } from 'typeorm';
import { nowIso } from '../../database/columns';
import { GapAlertEntity } from '../alerts/gap-alert.entity';

/** How a roster job ended (RosterJob status). */
export type RosterJobOutcome = 'done' | 'failed' | 'cancelled';

/**
 * The Prometheus metrics of this process, in a registry of its own (not prom-client's global one,
 * so tests can boot several apps in one process). Labels carry only route templates, methods,
 * status codes, outcomes and severities: never ids, names, emails, tokens or amounts.
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  private readonly logger = new Logger('Metrics');

  private readonly requestDuration = new Histogram({
    name: 'shiftdesk_http_request_duration_seconds',
    help: 'HTTP request latency by method, route template (e.g. /api/teams/:id/coverage) and status code',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly rosterJobsStarted = new Counter({
    name: 'shiftdesk_roster_jobs_started_total',
    help: 'Roster generation jobs this process started running',
    registers: [this.registry],
  });

  private readonly rosterJobsFinished = new Counter({
    name: 'shiftdesk_roster_jobs_finished_total',
    help: 'Roster generation jobs this process finished, by outcome (done, failed, cancelled)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly rosterJobsRunning = new Gauge({
    name: 'shiftdesk_roster_jobs_running',
    help: 'Roster generation jobs running in this process now',
    registers: [this.registry],
  });

  constructor(@InjectDataSource() dataSource: DataSource) {
    collectDefaultMetrics({ register: this.registry, prefix: 'shiftdesk_' });
    const logger = this.logger;
    // Read from the database at scrape time: every instance reports the same desk-wide number.
    new Gauge({
      name: 'shiftdesk_gap_alerts_open',
      help: 'Open gap alerts whose span has not ended (all teams), by severity',
      labelNames: ['severity'] as const,
      registers: [this.registry],
      async collect() {
        this.reset();
        try {
          const rows = await dataSource
            .getRepository(GapAlertEntity)
            .createQueryBuilder('a')
            .select('a.severity', 'severity')
            .addSelect('COUNT(*)', 'count')
            .where({ status: 'open', endAt: MoreThan(nowIso()) })
            .groupBy('a.severity')
            .getRawMany<{ severity: string; count: number | string }>();
          for (const row of rows) this.set({ severity: row.severity }, Number(row.count));
        } catch (error) {
          // A scrape while the database is away still reports the process metrics.
          logger.warn(`Could not count open gap alerts: ${error instanceof Error ? error.message : String(error)}`);
        }
      },
    });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.requestDuration.observe({ method, route, status: String(status) }, seconds);
  }

  rosterJobStarted(): void {
    this.rosterJobsStarted.inc();
    this.rosterJobsRunning.inc();
  }

  /** `wasRunning`: false for a queued job cancelled before it started. */
  rosterJobFinished(outcome: RosterJobOutcome, wasRunning: boolean): void {
    this.rosterJobsFinished.inc({ outcome });
    if (wasRunning) this.rosterJobsRunning.dec();
  }
}
