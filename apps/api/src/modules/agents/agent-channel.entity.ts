import { Entity, PrimaryColumn } from 'typeorm';
import type { Channel } from '@shiftdesk/shared-api-contract';

@Entity({ name: 'agent_channels' })
export class AgentChannelEntity {
  @PrimaryColumn({ name: 'agent_id', type: 'varchar', length: 36 })
  agentId!: string;

  @PrimaryColumn({ type: 'varchar', length: 16 })
  channel!: Channel;
}
