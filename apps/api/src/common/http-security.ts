import type { INestApplication } from '@nestjs/common';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppConfig } from '../config/app-config';
import { apiError } from './api-error';

type Middleware = (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void;

/**
 * The web app's policy: everything from this origin only, no inline or eval'd script. Styles
 * allow 'unsafe-inline' because Angular adds each component's styles as <style> elements at run
 * time (a nonce would need the served index.html to be templated per response). No
 * upgrade-insecure-requests: a desk may serve plain http on a LAN, and https deployments get
 * their scheme from the proxy.
 */
const APP_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Security headers (helmet) on every answer, CORS only for the configured origins, and bodies
 * only as JSON. Registered before the body parser and the static files so that they apply to
 * the API, the web app and the OpenAPI UI alike.
 */
export function applyHttpSecurity(app: INestApplication, config: AppConfig): void {
  // The client address the sign-in rate limit counts by; behind a proxy every request would
  // otherwise come from the proxy.
  (app.getHttpAdapter().getInstance() as { set(name: string, value: unknown): void }).set('trust proxy', config.trustProxy);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: APP_CSP }, frameguard: { action: 'deny' } }) as Middleware);

  // Closed unless origins are configured: without Access-Control-Allow-Origin a browser keeps
  // other sites' pages from reading any answer. Bearer tokens travel in a header, never in
  // cookies, so credentials stay off.
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'X-Request-Id', 'If-None-Match', 'If-Modified-Since'],
      exposedHeaders: ['X-Request-Id', 'Retry-After', 'ETag', 'Last-Modified', 'Content-Disposition'],
      maxAge: 600,
    });
  }

  app.use(requireJsonBodies);
}

/**
 * The API reads JSON only. Any other body (a form post, text/plain) is 415 before a parser
 * reads it: urlencoded and text bodies are never buffered, and an HTML form on another site
 * cannot sign in or write through a user's browser. Requests without a body pass.
 */
const requireJsonBodies: Middleware = (request, response, next) => {
  const hasBody = request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
  if (!hasBody || !request.url?.startsWith('/api/')) return next();
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(type)) return next();
  response.statusCode = 415;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.end(JSON.stringify(apiError(415, `The request body must be JSON: send it with "Content-Type: application/json"${type ? ` (this one was ${type.slice(0, 80)})` : ''}`)));
};
