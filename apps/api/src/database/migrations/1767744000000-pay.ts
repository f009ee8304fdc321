import { type MigrationInterface, type QueryRunner, Table, TableColumn, TableForeignKey, TableIndex } from 'typeorm';
import { id, instant, ref, text } from './columns';

const minor = (name: string) => ({ name, type: 'bigint', isNullable: false });
const localDate = (name: string, nullable = false) => text(name, 10, nullable);
const integer = (name: string) => ({ name, type: 'integer', isNullable: false });

/**
 * Pay (issue 7): the agent's level, versioned salary bands per team, salary history, exchange
 * rates and minimum wages kept by managers, and team pay settings. Money is integer minor units
 * (bigint) plus an ISO 4217 code; exchange rates are decimal text: no float column anywhere.
 */
export class Pay1767744000000 implements MigrationInterface {
  name = 'Pay1767744000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('agents', new TableColumn(text('level', 16, true)));
    await queryRunner.createTable(
      new Table({
        name: 'bands',
        columns: [
          id(),
          ref('team_id'),
          text('level', 16),
          ref('region_id', true),
          text('work_mode', 16),
          text('currency', 3),
          text('period', 8),
          minor('min_minor'),
          minor('mid_minor'),
          minor('max_minor'),
          localDate('effective_from'),
          localDate('effective_to', true),
          ref('previous_version_id', true),
          instant('created_at'),
        ],
        foreignKeys: [
          new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' }),
          new TableForeignKey({ columnNames: ['region_id'], referencedTableName: 'regions', referencedColumnNames: ['id'] }),
        ],
        indices: [new TableIndex({ name: 'IDX_bands_team', columnNames: ['team_id', 'level', 'work_mode', 'effective_from'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'salaries',
        columns: [id(), ref('agent_id'), ref('team_id'), minor('amount_minor'), text('currency', 3), text('period', 8), localDate('effective_from'), text('comment', 500, true), text('created_by', 120), instant('created_at')],
        foreignKeys: [new TableForeignKey({ columnNames: ['agent_id'], referencedTableName: 'agents', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'IDX_salaries_agent', columnNames: ['agent_id', 'effective_from'] }), new TableIndex({ name: 'IDX_salaries_team', columnNames: ['team_id'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'exchange_rates',
        columns: [id(), text('from_currency', 3), text('to_currency', 3), text('rate', 32), localDate('date'), instant('created_at')],
        indices: [new TableIndex({ name: 'IDX_exchange_rates_pair', columnNames: ['from_currency', 'to_currency', 'date'], isUnique: true })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'minimum_wages',
        columns: [id(), text('country_code', 2), ref('region_id', true), text('currency', 3), text('period', 8), minor('amount_minor'), localDate('effective_from'), text('source', 300), instant('created_at')],
        foreignKeys: [new TableForeignKey({ columnNames: ['region_id'], referencedTableName: 'regions', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
        indices: [new TableIndex({ name: 'IDX_minimum_wages_place', columnNames: ['country_code', 'region_id', 'effective_from'] })],
      }),
    );
    await queryRunner.createTable(
      new Table({
        name: 'pay_settings',
        columns: [
          { ...ref('team_id'), isPrimary: true },
          text('reporting_currency', 3),
          integer('on_cost_bp'),
          integer('night_premium_bp'),
          integer('weekend_premium_bp'),
          integer('holiday_premium_bp'),
          integer('overtime_premium_bp'),
          { name: 'full_time_hours_per_week', type: 'double precision', isNullable: false },
          { name: 'public_holidays', type: 'text', isNullable: false },
          instant('updated_at'),
        ],
        foreignKeys: [new TableForeignKey({ columnNames: ['team_id'], referencedTableName: 'teams', referencedColumnNames: ['id'], onDelete: 'CASCADE' })],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable('pay_settings');
    await queryRunner.dropTable('minimum_wages');
    await queryRunner.dropTable('exchange_rates');
    await queryRunner.dropTable('salaries');
    await queryRunner.dropTable('bands');
    await queryRunner.dropColumn('agents', 'level');
  }
}
