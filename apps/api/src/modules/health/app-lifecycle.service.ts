import { Injectable } from '@nestjs/common';

/**
 * What the process is doing with its life, for readiness: once a shutdown starts
 * (graceful-shutdown.ts) the instance answers `/api/ready` with 503 so a load balancer stops
 * sending it new requests while the ones in flight finish.
 */
@Injectable()
export class AppLifecycle {
  private drainingSince: number | null = null;

  get draining(): boolean {
    return this.drainingSince !== null;
  }

  startDraining(now: number): void {
    this.drainingSince ??= now;
  }
}
