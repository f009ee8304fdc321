import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { WebhookDeliveryStatus, WebhookEventType } from '@shiftdesk/shared-api-contract';
import { InstantColumn } from '../../database/columns';

/** One event for a team's webhook and the state of its attempts (the delivery log). */
@Entity({ name: 'webhook_deliveries' })
export class WebhookDeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id!: string;

  @Column({ name: 'team_id', type: 'varchar', length: 36 })
  teamId!: string;

  @Column({ name: 'event_type', type: 'varchar', length: 32 })
  eventType!: WebhookEventType;

  /** JSON text of the WebhookEvent, byte for byte what is signed and sent. */
  @Column({ type: 'text' })
  payload!: string;

  @Column({ type: 'varchar', length: 16 })
  status!: WebhookDeliveryStatus;

  @Column({ type: 'integer' })
  attempts!: number;

  @Column({ name: 'last_status_code', type: 'integer', nullable: true })
  lastStatusCode!: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 500, nullable: true })
  lastError!: string | null;

  @InstantColumn('next_attempt_at', { nullable: true })
  nextAttemptAt!: string | null;

  @InstantColumn('delivered_at', { nullable: true })
  deliveredAt!: string | null;

  @InstantColumn('created_at')
  createdAt!: string;
}
