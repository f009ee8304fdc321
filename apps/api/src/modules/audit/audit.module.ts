import { Global, Module } from '@nestjs/common';
import { AuditService } from './audit.service';

/** The insert-only audit trail, written by every module whose changes need a history. */
@Global()
@Module({ providers: [AuditService], exports: [AuditService] })
export class AuditModule {}
