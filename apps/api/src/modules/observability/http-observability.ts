import { type INestApplication, Logger } from '@nestjs/common';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { apiError } from '../../common/api-error';
import { MetricsService } from './metrics.service';
import { type RequestContext, runInRequest } from './request-context';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/** Express adds these to the request; only what is read here. */
interface RoutedRequest extends IncomingMessage {
  route?: { path?: unknown };
  baseUrl?: string;
}

/** An incoming X-Request-Id is kept when it is this tame (a load balancer's or a caller's id). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * Path for logs: never the query string (it may carry anything), feed tokens replaced (the
 * token in /api/feeds/<token>.ics is the feed's only credential), bounded length.
 */
export function loggablePath(url: string): string {
  const path = url.split('?')[0].split('#')[0];
  return path.replace(/^\/api\/feeds\/[^/]+\.ics$/i, '/api/feeds/[token].ics').slice(0, 300);
}

/** The route template for metrics: a matched API route, else one of a few fixed names. */
function routeLabel(request: RoutedRequest): string {
  const template = request.route?.path;
  if (typeof template === 'string') return `${request.baseUrl ?? ''}${template}`;
  const path = (request.url ?? '').split('?')[0];
  if (path === '/metrics') return '/metrics';
  if (path.startsWith('/api/docs')) return '/api/docs';
  return path.startsWith('/api') ? 'unmatched' : 'web';
}

/**
 * First middleware of every request: an X-Request-Id on the answer (the caller's, when sane),
 * one access-log line and one latency observation when the answer is finished (or the client
 * went away).
 */
export function requestStart(metrics: MetricsService): Middleware {
  const logger = new Logger('HTTP');
  return (request, response, next) => {
    const started = process.hrtime.bigint();
    const incoming = request.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && SANE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const context: RequestContext = { requestId };
    response.setHeader('X-Request-Id', requestId);
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const status = response.writableFinished ? response.statusCode : 499;
      const method = request.method ?? 'GET';
      metrics.observeRequest(method, routeLabel(request as RoutedRequest), status, seconds);
      const path = loggablePath(request.url ?? '');
      const durationMs = Math.round(seconds * 10_000) / 10;
      runInRequest(context, () => logger.log({ message: `${method} ${path} ${status} ${durationMs} ms`, method, path, status, durationMs }));
    };
    response.once('finish', finish);
    response.once('close', finish);
    runInRequest(context, () => next());
  };
}

/**
 * GET /metrics in the Prometheus text format. With SHIFTDESK_METRICS_TOKEN set it needs
 * `Authorization: Bearer <token>`; without, only direct loopback connections (no proxy
 * forwarding headers) may read it, so a desk behind a reverse proxy does not publish it.
 */
export function metricsEndpoint(metrics: MetricsService, token: string | null): Middleware {
  const expected = token === null ? null : createHash('sha256').update(token).digest();
  return (request, response, next) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) return next();
    const refuse = (status: number, message: string) => {
      response.statusCode = status;
      response.setHeader('Content-Type', 'application/json; charset=utf-8');
      response.end(JSON.stringify(apiError(status, message)));
    };
    if (expected !== null) {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
      const given = createHash('sha256').update(match?.[1] ?? '').digest();
      if (!match || !timingSafeEqual(given, expected)) {
        response.setHeader('WWW-Authenticate', 'Bearer');
        return refuse(401, 'Send the metrics token: "Authorization: Bearer <SHIFTDESK_METRICS_TOKEN>"');
      }
    } else if (!isDirectLoopback(request)) {
      return refuse(403, 'Metrics are only served to loopback connections; set SHIFTDESK_METRICS_TOKEN to read them from elsewhere with a bearer token');
    }
    metrics.registry
      .metrics()
      .then((text) => {
        response.statusCode = 200;
        response.setHeader('Content-Type', metrics.registry.contentType);
        response.setHeader('Cache-Control', 'no-store');
        response.end(request.method === 'HEAD' ? undefined : text);
      })
      .catch((error: unknown) => next(error));
  };
}

function isDirectLoopback(request: IncomingMessage): boolean {
  const address = request.socket.remoteAddress ?? '';
  const loopback = address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
  const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip'].some((header) => request.headers[header] !== undefined);
  return loopback && !forwarded;
}

/**
 * Wires the request id, access log, latency metrics and /metrics into the app, before every
 * other middleware. The request's context survives the body parser (logs.spec.ts proves it).
 */
export function applyHttpObservability(app: INestApplication, metricsToken: string | null): void {
  const metrics = app.get(MetricsService);
  app.use(requestStart(metrics));
  app.use(metricsEndpoint(metrics, metricsToken));
}
