import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LanguageLevel } from '@shiftdesk/shared-api-contract';

@Entity({ name: 'agent_languages' })
export class AgentLanguageEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  /** ISO 639-1, two lower-case letters. */
  @PrimaryColumn({ type: 'varchar', length: 2 })
  code!: string;

  @Column({ type: 'varchar', length: 16 })
  level!: LanguageLevel;
}
