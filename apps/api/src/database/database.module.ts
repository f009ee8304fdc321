import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DatabaseConfig } from '../config/app-config';
import { buildDataSourceOptions } from './options';
import { Transactions } from './transactions';

@Global()
@Module({})
export class DatabaseModule {
  static forRoot(database: DatabaseConfig): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(database), retryAttempts: 0 })],
      providers: [Transactions],
      exports: [Transactions],
    };
  }
}
