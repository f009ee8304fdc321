import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { buildDataSourceOptions } from './options';

/**
 * Data source for the TypeORM CLI, e.g.
 * `npx typeorm-ts-node-commonjs migration:show -d apps/api/src/database/data-source.ts`.
 * Reads the same environment as the server (DATABASE_URL or SHIFTDESK_SQLITE_PATH).
 */
export default new DataSource({ ...buildDataSourceOptions(loadConfig().database), migrationsRun: false });
