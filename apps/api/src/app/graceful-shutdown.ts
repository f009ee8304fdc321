import { type INestApplication, Logger } from '@nestjs/common';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { AppLifecycle } from '../modules/health/app-lifecycle.service';

/** How long requests in flight may take to finish after SIGTERM before their connections are cut (ms). */
export const DEFAULT_DRAIN_TIMEOUT_MS = 25_000;

export interface GracefulShutdownOptions {
  drainTimeoutMs?: number;
  /** Ends the process; a parameter so it can be observed. */
  exit?: (code: number) => void;
}

/**
 * SIGTERM or SIGINT: stop accepting, let the requests in flight finish, then close the app
 * (scheduled jobs stop and wait for a run in progress, job leases are handed over, roster jobs
 * are marked failed, the database closes, SQLite checkpoints its WAL) and exit 0.
 *
 * Nest's own shutdown hooks close the modules BEFORE the HTTP server, so a request in flight
 * would lose its database half-way; here the HTTP side drains first. `/api/ready` answers 503 from
 * the first moment, so a load balancer stops routing here. Responses sent while draining carry
 * `Connection: close`, so keep-alive clients reconnect elsewhere. A second signal, or the drain
 * timeout, cuts the remaining connections.
 */
export function installGracefulShutdown(app: INestApplication, options: GracefulShutdownOptions = {}): void {
  const logger = new Logger('Shutdown');
  const drainTimeoutMs = options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const server = app.getHttpServer() as Server;
  let inFlight = 0;
  let draining = false;

  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight += 1;
    response.once('close', () => (inFlight -= 1));
    if (draining && !response.headersSent) response.setHeader('Connection', 'close');
  });

  const shutdown = async (signal: NodeJS.Signals): Promise<void> => {
    if (draining) {
      logger.warn(`${signal} again: cutting ${inFlight} request(s) still in flight`);
      server.closeAllConnections();
      return;
    }
    draining = true;
    app.get(AppLifecycle).startDraining(Date.now());
    logger.log(`${signal}: no new connections; waiting for ${inFlight} request(s) in flight (at most ${drainTimeoutMs / 1000} s)`);
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Idle keep-alive connections would hold server.close() open; busy ones close after their response.
    server.closeIdleConnections();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), drainTimeoutMs)));
    if ((await Promise.race([closed, timedOut])) === 'timeout') {
      logger.warn(`drain timeout: cutting ${inFlight} request(s) still in flight`);
      server.closeAllConnections();
    }
    clearTimeout(timer);
    try {
      await app.close();
      logger.log('stopped cleanly');
      exit(0);
    } catch (error) {
      logger.error(`shutdown failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      exit(1);
    }
  };

  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void shutdown(signal));
}
