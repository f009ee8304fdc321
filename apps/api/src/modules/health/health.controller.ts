import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse, ReadinessResponse } from '@shiftdesk/shared-api-contract';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '../../config/version';
import { Public } from '../auth/auth.constants';
import { AppLifecycle } from './app-lifecycle.service';

/** Migrations table rows (`migrations`, TypeORM's bookkeeping; see database/options.ts). */
interface MigrationRow {
  name: string;
}

@ApiTags('health')
@Controller()
export class HealthController {
  private readonly logger = new Logger('Readiness');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: AppLifecycle,
  ) {}

  private get database(): 'sqlite' | 'postgres' {
    return this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
  }

  /**
   * Liveness: the process is up and its HTTP server answers. Deliberately no database query: a
   * restart would not bring a lost database back, and an orchestrator that restarts on failed
   * liveness would otherwise restart every instance at once when the shared database blinks.
   */
  @Public()
  @Get('health')
  health(): HealthResponse {
    return { status: 'ok', database: this.database, version: APP_VERSION };
  }

  /**
   * Readiness: send this instance traffic? Yes when the database answers and every migration
   * this version ships is applied (an instance of a newer version started against a database an
   * older one migrated, or a restored older backup, is not ready), and the process is not
   * draining for shutdown.
   */
  @Public()
  @Get('ready')
  async ready(): Promise<ReadinessResponse> {
    if (this.lifecycle.draining) throw new ServiceUnavailableException('Not ready: this instance is shutting down and finishing the requests in flight');
    let applied: Set<string>;
    try {
      const rows: MigrationRow[] = await this.dataSource.query('SELECT name FROM migrations');
      applied = new Set(rows.map((row) => row.name));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // A reachable database without the bookkeeping table has simply never been migrated.
      if (/migrations/.test(reason) && /(no such table|does not exist)/.test(reason)) applied = new Set();
      else {
        // The reason (host, port, driver text) goes to the log only: this route is public.
        this.logger.warn(`database check failed: ${reason}`);
        throw new ServiceUnavailableException(`Not ready: the ${this.database} database is not reachable`);
      }
    }
    const expected = this.dataSource.migrations.map((migration) => migration.name ?? migration.constructor.name);
    const pending = expected.filter((name) => !applied.has(name));
    if (pending.length > 0) {
      throw new ServiceUnavailableException(
        `Not ready: ${pending.length} migration${pending.length === 1 ? ' is' : 's are'} not applied (${pending.join(', ')}); restart an instance of this version to apply ${pending.length === 1 ? 'it' : 'them'}, or run npm run migration:run`,
      );
    }
    return { status: 'ready', database: this.database, version: APP_VERSION, migrations: applied.size };
  }
}
