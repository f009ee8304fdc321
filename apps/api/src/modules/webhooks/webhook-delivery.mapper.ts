import type { WebhookDelivery, WebhookEvent } from '@shiftdesk/shared-api-contract';
import type { WebhookDeliveryEntity } from './webhook-delivery.entity';

export function toWebhookDelivery(entity: WebhookDeliveryEntity): WebhookDelivery {
  return {
    id: entity.id,
    teamId: entity.teamId,
    eventType: entity.eventType,
    payload: JSON.parse(entity.payload) as WebhookEvent,
    status: entity.status,
    attempts: entity.attempts,
    lastStatusCode: entity.lastStatusCode,
    lastError: entity.lastError,
    nextAttemptAt: entity.nextAttemptAt,
    deliveredAt: entity.deliveredAt,
    createdAt: entity.createdAt,
  };
}
