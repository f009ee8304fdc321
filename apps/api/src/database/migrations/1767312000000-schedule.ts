import { type MigrationInterface, type QueryRunner, Table, TableCheck, TableForeignKey, TableIndex } from 'typeorm';
import { auditColumns, id, instant, ref, text } from './columns';

const fk = (column: string, table: string, onDelete: 'CASCADE' | 'RESTRICT'): TableForeignKey =>
  new TableForeignKey({ columnNames: [column], referencedTableName: table, referencedColumnNames: ['id'], onDelete });

const json = (name: string): { name: string; type: string; isNullable: boolean } => ({ name, type: 'text', isNullable: false });
const int = (name: string, nullable = false): { name: string; type: string; isNullable: boolean } => ({ name, type: 'integer', isNullable: nullable });
const localDate = (name: string, nullable = false) => text(name, 10, nullable);
const localTime = (name: string) => text(name, 5);

/**
 * Scheduling schema (issue 3): rotations with their ordered agents, overrides, coverage rules,
 * team settings (shrinkage, labour rules) and gap alerts. Manual shifts already have their table
 * (initial schema). Portable QueryRunner API only, like the initial schema, so it runs on SQLite
 * and PostgreSQL; constraints are declared inside `new Table(...)` for SQLite's sake.
 *
 * Lists that are only ever read whole with their parent (exdates, breaks, coverage windows,
 * exceptions, labour-rule values) are JSON text; rotation agents get a table so an agent used by
 * a rotation cannot be deleted (RESTRICT) and keeps its place in the turn order.
 */
export class Schedule1767312000000 implements MigrationInterface {
  name = 'Schedule1767312000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      new Table({
        name: 'rotations',
        columns: [
          id(),
          ref('team_id'),
          text('name', 120),
          text('time_zone', 64),
          localTime('local_start_time'),
          localTime('local_end_time'),
          // RFC 5545 RRULE value without DTSTART.
          text('rrule', 500),
          // JSON array of local dates YYYY-MM-DD.
          json('exdates'),
          text('handoff_mode', 8),
          int('handoff_every', true),
          // Local dates in time_zone: start inclusive, end EXCLUSIVE (a version split hands over cleanly).
          localDate('start_date'),
          localDate('end_date', true),
          int('turn_offset'),
          text('channel', 16, true),
          text('label', 120, true),
          // JSON array [{ startAfterMinutes, durationMinutes }].
          json('breaks'),
          text('status', 16),
          // The version this one replaced when a started rotation was edited.
          ref('previous_version_id', true),
          ...auditColumns(),
        ],
        checks: [
          new TableCheck({ name: 'CHK_rotations_status', expression: `"status" IN ('draft', 'published')` }),
          new TableCheck({ name: 'CHK_rotations_handoff', expression: `"handoff_mode" IN ('turns', 'all')` }),
        ],
        foreignKeys: [fk('team_id', 'teams', 'RESTRICT'), fk('previous_version_id', 'rotations', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_rotations_team', columnNames: ['team_id', 'start_date'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'rotation_agents',
        columns: [{ ...ref('rotation_id'), isPrimary: true }, { ...int('position'), isPrimary: true }, ref('agent_id')],
        foreignKeys: [fk('rotation_id', 'rotations', 'CASCADE'), fk('agent_id', 'agents', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_rotation_agents_agent', columnNames: ['agent_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'overrides',
        columns: [
          id(),
          ref('team_id'),
          ref('rotation_id', true),
          ref('agent_id'),
          ref('replaces_agent_id', true),
          // Half-open [start_at, end_at), UTC instants.
          instant('start_at'),
          instant('end_at'),
          text('time_zone', 64),
          ...auditColumns(),
        ],
        checks: [new TableCheck({ name: 'CHK_overrides_interval', expression: `"end_at" > "start_at"` })],
        foreignKeys: [
          fk('team_id', 'teams', 'RESTRICT'),
          fk('rotation_id', 'rotations', 'CASCADE'),
          fk('agent_id', 'agents', 'RESTRICT'),
          fk('replaces_agent_id', 'agents', 'RESTRICT'),
        ],
        indices: [new TableIndex({ name: 'IDX_overrides_team_start', columnNames: ['team_id', 'start_at'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'coverage_rules',
        columns: [
          id(),
          ref('team_id'),
          text('name', 120),
          text('kind', 8),
          text('time_zone', 64),
          int('min_agents'),
          // JSON { "1": [{ start, end }], … } keyed by ISO weekday; local HH:mm in time_zone.
          json('windows'),
          text('language_code', 2, true),
          text('language_min_level', 16, true),
          text('channel', 16, true),
          // Local dates in time_zone, both inclusive.
          localDate('valid_from', true),
          localDate('valid_to', true),
          // JSON [{ date, windows, minAgents? }].
          json('exceptions'),
          ...auditColumns(),
        ],
        checks: [new TableCheck({ name: 'CHK_coverage_rules_kind', expression: `"kind" IN ('window', 'always')` })],
        foreignKeys: [fk('team_id', 'teams', 'RESTRICT')],
        indices: [new TableIndex({ name: 'IDX_coverage_rules_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'team_settings',
        columns: [
          { ...ref('team_id'), isPrimary: true },
          // Fractions and hours may be fractional; double precision is a plain JS number on both drivers.
          { name: 'shrinkage', type: 'double precision', isNullable: false },
          { name: 'contract_hours_per_week', type: 'double precision', isNullable: false },
          text('labour_rule_preset', 32),
          // JSON of explicit LabourRuleValues on top of the preset.
          json('labour_rules'),
          instant('updated_at'),
        ],
        foreignKeys: [fk('team_id', 'teams', 'CASCADE')],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'gap_alerts',
        columns: [
          // The domain gap id `gap:<ruleId>:<start ISO>`: stable across rescans.
          { ...text('id', 120), isPrimary: true },
          ref('team_id'),
          ref('rule_id'),
          text('rule_name', 120),
          text('severity', 16),
          instant('start_at'),
          instant('end_at'),
          int('required'),
          int('present'),
          text('status', 16),
          instant('first_seen_at'),
          instant('last_seen_at'),
          instant('resolved_at', true),
          instant('acknowledged_at', true),
          ref('acknowledged_by', true),
        ],
        checks: [new TableCheck({ name: 'CHK_gap_alerts_status', expression: `"status" IN ('open', 'resolved', 'acknowledged')` })],
        foreignKeys: [fk('team_id', 'teams', 'CASCADE'), fk('rule_id', 'coverage_rules', 'CASCADE')],
        indices: [new TableIndex({ name: 'IDX_gap_alerts_team_status', columnNames: ['team_id', 'status', 'start_at'] })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['gap_alerts', 'team_settings', 'coverage_rules', 'overrides', 'rotation_agents', 'rotations']) {
      await queryRunner.dropTable(table);
    }
  }
}
