import { Module } from '@nestjs/common';
import { WebhookRetryJob } from './webhook-retry.job';
import { WebhooksController } from './webhooks.controller';
import { WebhooksService } from './webhooks.service';

@Module({ controllers: [WebhooksController], providers: [WebhooksService, WebhookRetryJob], exports: [WebhooksService] })
export class WebhooksModule {}
