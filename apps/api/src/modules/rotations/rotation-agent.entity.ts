import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A rotation's agents in turn order (`position` 0 takes the first occurrence). */
@Entity({ name: 'rotation_agents' })
export class RotationAgentEntity {
  @PrimaryColumn({ name: 'rotation_id', type: 'varchar', length: 36 })
  rotationId!: string;

  @PrimaryColumn({ type: 'integer' })
  position!: number;

  @Column({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;
}
