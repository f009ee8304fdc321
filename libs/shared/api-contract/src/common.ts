/** Every route of the REST API lives under this prefix; the web app is served from `/`. */
export const API_PREFIX = 'api';

/** One page of a list endpoint. `page` is 1-based. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Query parameters every list endpoint accepts. */
export interface PageQuery {
  page?: number;
  pageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 200;

/** One wrong field of a request: a dotted path (`languages.0.code`) and how to fix it. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every 4xx/5xx answer. `message` is one human sentence; `fields` lists each wrong field. */
export interface ApiError {
  statusCode: number;
  error: string;
  message: string;
  fields?: FieldError[];
}

/**
 * `GET /api/health`, liveness: 200 while the process runs and serves HTTP, whatever the database
 * does (a load balancer or orchestrator that restarts on failure must not restart every instance
 * because the shared database blinked). `database` is the configured kind, not a probe.
 */
export interface HealthResponse {
  status: 'ok';
  database: 'sqlite' | 'postgres';
  version: string;
}

/**
 * `GET /api/ready`, readiness: 200 when the database answers and every migration this version
 * ships is applied; otherwise 503 with an ApiError whose message names what is missing (the
 * database, or the pending migrations). Also 503 while the process drains on shutdown.
 */
export interface ReadinessResponse {
  status: 'ready';
  database: 'sqlite' | 'postgres';
  version: string;
  /** Number of migrations applied (all of them, when ready). */
  migrations: number;
}
