import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { ApiError, FieldError } from '@shiftdesk/shared-api-contract';
import { QueryFailedError } from 'typeorm';
import { apiError, columnToField } from './api-error';
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from './database-unavailable';

/** The part of Express's response the filter uses (the app has no @types/express). */
interface HttpResponse {
  headersSent: boolean;
  status(code: number): HttpResponse;
  json(body: unknown): void;
  setHeader(name: string, value: string): void;
}

/** Errors raised by the JSON body parser before any controller runs. */
interface BodyParserError {
  type?: string;
  status?: number;
  /** Bytes allowed, on entity.too.large. */
  limit?: number;
}

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
  detail?: string;
  constraint?: string;
}

/**
 * Every error leaves the server as an ApiError; stack traces only go to the log.
 * Database constraint failures become 4xx answers that name the field, so a race that slips
 * past a service's pre-check still gets a useful answer instead of a 500.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<HttpResponse>();
    const body = this.toApiError(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    if (response.headersSent) return;
    if (body.statusCode === 503 && !(exception instanceof HttpException)) response.setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS));
    // Rate limits and lock-outs say when to come back (RFC 9110 §10.2.3, in seconds).
    const retryAfter = (exception as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (typeof retryAfter === 'number' && retryAfter > 0) response.setHeader('Retry-After', String(Math.ceil(retryAfter)));
    response.status(body.statusCode).json(body);
  }

  private toApiError(exception: unknown): ApiError {
    if (exception instanceof HttpException) return fromHttpException(exception);
    const parserError = fromBodyParserError(exception);
    if (parserError) return parserError;
    // A lost database is not the request's fault nor a bug: 503, and the pool reconnects by itself.
    if (isDatabaseUnavailable(exception)) return apiError(503, 'The database is not reachable right now; try again in a few seconds');
    if (exception instanceof QueryFailedError) {
      const mapped = fromDatabaseError(exception.driverError as DriverError);
      if (mapped) return mapped;
    }
    return apiError(500, 'Something went wrong on the server; the error has been logged');
  }
}

function fromHttpException(exception: HttpException): ApiError {
  const status = exception.getStatus();
  const response = exception.getResponse();
  if (typeof response === 'string') return apiError(status, response);
  const body = response as Partial<ApiError> & { message?: string | string[] };
  const message = Array.isArray(body.message) ? body.message.join('; ') : (body.message ?? exception.message);
  return apiError(status, message, body.fields);
}

/** Malformed or oversized JSON: the client's fault, answered without the parser's stack. */
function fromBodyParserError(exception: unknown): ApiError | null {
  const error = exception as BodyParserError | null;
  if (!error || typeof error !== 'object' || typeof error.type !== 'string' || !error.type.startsWith('entity.')) return null;
  const status = typeof error.status === 'number' && error.status >= 400 && error.status < 500 ? error.status : 400;
  if (error.type === 'entity.parse.failed') return apiError(status, 'The request body is not valid JSON');
  if (error.type === 'entity.too.large') {
    const limit = typeof error.limit === 'number' ? ` (at most ${formatBytes(error.limit)})` : '';
    return apiError(status, `The request body is too large${limit}; an uploaded calendar may be up to 5 MB of text`);
  }
  return apiError(status, 'The request body could not be read');
}

function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MB` : `${bytes} bytes`;
}

function fromDatabaseError(error: DriverError): ApiError | null {
  const text = error.message ?? '';
  // SQLite reports `UNIQUE constraint failed: agents.email`; PostgreSQL 23505 with `Key (email)=(…)`.
  if (error.code === '23505' || /UNIQUE constraint failed/.test(text)) {
    const column = /Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1] ?? /UNIQUE constraint failed: [\w]+\.(\w+)/.exec(text)?.[1];
    const field = column ? columnToField(column.split(',')[0].trim()) : undefined;
    return conflict(409, field, 'this value is already in use');
  }
  if (error.code === '23503' || /FOREIGN KEY constraint failed/.test(text)) {
    // PostgreSQL tells which side failed; SQLite does not, so the message covers both.
    if (/is still referenced/.test(error.detail ?? '')) {
      return apiError(409, 'This record is still used by other records; remove or archive those first');
    }
    const column = /Key \(([^)]+)\)=/.exec(error.detail ?? '')?.[1];
    const field = column ? columnToField(column) : undefined;
    return conflict(409, field, 'refers to a record that does not exist, or the record is still in use by others');
  }
  if (error.code === '23502' || /NOT NULL constraint failed/.test(text)) {
    return apiError(400, 'A required value is missing');
  }
  if (error.code === '23514' || /CHECK constraint failed/.test(text)) {
    return apiError(400, 'A value is outside what the database accepts');
  }
  return null;
}

function conflict(status: number, field: string | undefined, explanation: string): ApiError {
  if (!field) return apiError(status, explanation.charAt(0).toUpperCase() + explanation.slice(1));
  const fields: FieldError[] = [{ field, message: `${field}: ${explanation}` }];
  return apiError(status, fields[0].message, fields);
}
