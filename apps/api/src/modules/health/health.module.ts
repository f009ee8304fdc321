import { Global, Module } from '@nestjs/common';
import { AppLifecycle } from './app-lifecycle.service';
import { HealthController } from './health.controller';

@Global()
@Module({ controllers: [HealthController], providers: [AppLifecycle], exports: [AppLifecycle] })
export class HealthModule {}
