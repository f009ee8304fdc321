import { type MigrationInterface, type QueryRunner, TableColumn } from 'typeorm';

/**
 * Agent availability windows (issue 4): JSON text `{ "1": [{ "start": "08:00", "end": "20:00" }] }`
 * (ISO weekday → windows, wall clock in the agent's zone), read whole with the agent. NULL means
 * available any time, so existing agents keep their behaviour.
 */
export class AgentAvailability1767830400000 implements MigrationInterface {
  name = 'AgentAvailability1767830400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.addColumn('agents', new TableColumn({ name: 'availability', type: 'text', isNullable: true }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropColumn('agents', 'availability');
  }
}
