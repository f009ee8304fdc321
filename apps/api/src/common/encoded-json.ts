// Node's own types: express's are not installed, and these are all the helpers use.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

const gzip = promisify(gzipCallback);
/** Smaller answers go as they are: gzip would save little and cost a round of zlib. */
const MIN_GZIP_BYTES = 8 * 1024;

interface Encoded {
  json?: Buffer;
  gzip?: Promise<Buffer>;
}

/** Encodings of answers that are reused as they are (ScheduleViewCache), by object. */
const ENCODED = new WeakMap<object, Encoded>();

/** `gzip` listed in Accept-Encoding and not refused with q=0. */
export function acceptsGzip(header: string | string[] | undefined): boolean {
  if (!header) return false;
  return String(header)
    .split(',')
    .some((part) => {
      const [coding, ...params] = part.trim().split(';');
      if (coding.trim().toLowerCase() !== 'gzip' && coding.trim() !== '*') return false;
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return q === undefined || Number(q.slice(2)) > 0;
    });
}

/**
 * Sends `value` as JSON (200), gzipped when the client accepts it and it is large. The
 * serialization and the gzip are remembered per object, so an answer reused from a cache (a
 * month of coverage of a 500-agent team is ~800 KB of JSON) is encoded once, not per request.
 * The object must not change after it was first sent.
 */
export async function sendJson(request: IncomingMessage, response: ServerResponse, value: object): Promise<void> {
  let encoded = ENCODED.get(value);
  if (!encoded) {
    encoded = {};
    ENCODED.set(value, encoded);
  }
  const json = (encoded.json ??= Buffer.from(JSON.stringify(value), 'utf8'));
  const zipped = json.length >= MIN_GZIP_BYTES && acceptsGzip(request.headers['accept-encoding']);
  // zlib runs on libuv's thread pool.
  const body = zipped ? await (encoded.gzip ??= gzip(json)) : json;
  response.statusCode = 200;
  response.setHeader('Content-Type', 'application/json; charset=utf-8');
  response.setHeader('Vary', 'Accept-Encoding');
  if (zipped) response.setHeader('Content-Encoding', 'gzip');
  response.setHeader('Content-Length', String(body.length));
  response.end(request.method === 'HEAD' ? undefined : body);
}
