import { QueryRunnerAlreadyReleasedError } from 'typeorm';

/**
 * Errors that mean "the database cannot be reached right now", not "this request is wrong":
 * answered 503 (with Retry-After) instead of 500, so clients and load balancers retry, and the
 * process keeps running. The PostgreSQL pool drops a broken connection and opens a new one on the
 * next query, so the API recovers by itself once the server is back.
 */

/** SQLSTATE classes/codes: 08 connection exception, 57P01–57P03 server shutting down or starting, 53300 too many connections. */
const PG_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
/** Node socket errors raised by the pg driver while connecting or mid-query. */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
/** pg driver messages for a connection that died under it (no code is set on these). */
const PG_MESSAGES = /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end/;
/** SQLite: the file is locked beyond the busy timeout, or cannot be opened/read right now. */
const SQLITE_CODES = new Set(['SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_CANTOPEN', 'SQLITE_IOERR']);

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  driverError?: unknown;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 3; depth += 1) {
    // TypeORM releases a query runner whose connection failed; the transaction's next query then
    // fails with this instead of a driver error. Nothing else in the API releases a runner early.
    if (current instanceof QueryRunnerAlreadyReleasedError) return true;
    const { code, message, driverError } = current as ErrorLike;
    if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || SOCKET_CODES.has(code) || SQLITE_CODES.has(code))) return true;
    if (typeof message === 'string' && PG_MESSAGES.test(message)) return true;
    current = driverError;
  }
  return false;
}

/** Seconds a client should wait before retrying after a 503 for an unreachable database. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;
