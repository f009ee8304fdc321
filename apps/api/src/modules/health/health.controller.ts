import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { HealthResponse } from '@shiftdesk/shared-api-contract';
import { DataSource } from 'typeorm';
import { APP_VERSION } from '../../config/version';
import { Public } from '../auth/auth.constants';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** 200 only when the database answers, so a load balancer never routes to a half-up server. */
  @Public()
  @Get()
  async health(): Promise<HealthResponse> {
    const database = this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite';
    try {
      await this.dataSource.query('SELECT 1');
    } catch {
      throw new ServiceUnavailableException(`The ${database} database is not answering`);
    }
    return { status: 'ok', database, version: APP_VERSION };
  }
}
