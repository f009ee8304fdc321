import { type MigrationInterface, type QueryRunner, Table, TableCheck, TableForeignKey, TableIndex, TableUnique } from 'typeorm';
import { auditColumns, bool, id, instant, ref, text } from './columns';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

/**
 * The foundation schema (issue 2). Written with the QueryRunner API only (no raw SQL) so the
 * same migration runs on SQLite and PostgreSQL. Foreign keys, uniques and indexes are declared
 * inside `new Table(...)` because SQLite can only add them by rebuilding the table.
 *
 * Deletion rules: children that only describe their parent (languages, channels, sessions,
 * manager links, an agent's login) cascade; anything with history (an agent with shifts, a
 * team with agents, a region in use) is RESTRICTed so the API archives or refuses instead.
 */
export class InitialSchema1767225600000 implements MigrationInterface {
  name = 'InitialSchema1767225600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'regions',
        columns: [id(), text('name', 120), text('country_code', 2), text('default_time_zone', 64), text('currency', 3), ...auditColumns()],
        uniques: [new TableUnique({ name: 'UQ_regions_name', columnNames: ['name'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'teams',
        columns: [id(), text('name', 120), text('description', 1000, true), text('time_zone', 64), ...auditColumns()],
        uniques: [new TableUnique({ name: 'UQ_teams_name', columnNames: ['name'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agents',
        columns: [
          id(),
          ref('team_id'),
          text('display_name', 120),
          text('email', 254),
          text('time_zone', 64),
          ref('region_id', true),
          text('work_mode', 16),
          // Hours may be fractional (37.5); double precision is a plain JS number on both drivers.
          { name: 'contract_hours_per_week', type: 'double precision', isNullable: false },
          bool('active'),
          instant('archived_at', true),
          ...auditColumns(),
        ],
        uniques: [new TableUnique({ name: 'UQ_agents_email', columnNames: ['email'] })],
        checks: [new TableCheck({ name: 'CHK_agents_work_mode', expression: `"work_mode" IN ('office', 'remote')` })],
        foreignKeys: [fk('team_id', 'teams', 'RESTRICT'), fk('region_id', 'regions', 'RESTRICT')],
        indices: [
          new TableIndex({ name: 'IDX_agents_team', columnNames: ['team_id', 'display_name'] }),
          new TableIndex({ name: 'IDX_agents_region', columnNames: ['region_id'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agent_languages',
        columns: [
          { ...ref('agent_id'), isPrimary: true },
          { ...text('code', 2), isPrimary: true },
          text('level', 16),
        ],
        checks: [new TableCheck({ name: 'CHK_agent_languages_level', expression: `"level" IN ('native', 'fluent', 'basic')` })],
        foreignKeys: [fk('agent_id', 'agents', 'CASCADE')],
        indices: [new TableIndex({ name: 'IDX_agent_languages_code', columnNames: ['code'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'agent_channels',
        columns: [
          { ...ref('agent_id'), isPrimary: true },
          { ...text('channel', 16), isPrimary: true },
        ],
        foreignKeys: [fk('agent_id', 'agents', 'CASCADE')],
        indices: [new TableIndex({ name: 'IDX_agent_channels_channel', columnNames: ['channel'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'users',
        columns: [
          id(),
          text('email', 254),
          text('password_hash', 255),
          text('role', 16),
          ref('agent_id', true),
          text('display_name', 120),
          ...auditColumns(),
        ],
        uniques: [
          new TableUnique({ name: 'UQ_users_email', columnNames: ['email'] }),
          new TableUnique({ name: 'UQ_users_agent', columnNames: ['agent_id'] }),
        ],
        checks: [new TableCheck({ name: 'CHK_users_role', expression: `"role" IN ('manager', 'agent')` })],
        foreignKeys: [fk('agent_id', 'agents', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'manager_teams',
        columns: [{ ...ref('user_id'), isPrimary: true }, { ...ref('team_id'), isPrimary: true }, instant('created_at')],
        foreignKeys: [fk('user_id', 'users', 'CASCADE'), fk('team_id', 'teams', 'CASCADE')],
        indices: [new TableIndex({ name: 'IDX_manager_teams_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'sessions',
        columns: [
          id(),
          // SHA-256 of the bearer token, hex: the token itself is never stored.
          text('token_hash', 64),
          ref('user_id'),
          instant('created_at'),
          instant('expires_at'),
          instant('last_seen_at'),
        ],
        uniques: [new TableUnique({ name: 'UQ_sessions_token_hash', columnNames: ['token_hash'] })],
        foreignKeys: [fk('user_id', 'users', 'CASCADE')],
        indices: [
          new TableIndex({ name: 'IDX_sessions_user', columnNames: ['user_id'] }),
          new TableIndex({ name: 'IDX_sessions_expires', columnNames: ['expires_at'] }),
        ],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'shifts',
        columns: [
          id(),
          ref('team_id'),
          ref('agent_id'),
          // Half-open [start_at, end_at), UTC instants.
          instant('start_at'),
          instant('end_at'),
          // The IANA zone the shift was planned in, so it can be shown and edited in local time.
          text('time_zone', 64),
          text('channel', 16, true),
          text('label', 120, true),
          // JSON array of unpaid breaks [{ "start", "end" }] (UTC instants, half-open), as ShiftBreakSpan in the contract.
          { name: 'breaks', type: 'text', isNullable: false },
          text('status', 16),
          // Where the shift came from: manual, rotation, override, solver (later issues).
          text('source', 16),
          ...auditColumns(),
        ],
        checks: [
          new TableCheck({ name: 'CHK_shifts_status', expression: `"status" IN ('draft', 'published')` }),
          new TableCheck({ name: 'CHK_shifts_interval', expression: `"end_at" > "start_at"` }),
        ],
        foreignKeys: [fk('team_id', 'teams', 'RESTRICT'), fk('agent_id', 'agents', 'RESTRICT')],
        indices: [
          new TableIndex({ name: 'IDX_shifts_agent_start', columnNames: ['agent_id', 'start_at'] }),
          new TableIndex({ name: 'IDX_shifts_team_start', columnNames: ['team_id', 'start_at'] }),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['shifts', 'sessions', 'manager_teams', 'users', 'agent_channels', 'agent_languages', 'agents', 'teams', 'regions']) {
      await queryRunner.dropTable(table);
    }
  }
}
