import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { LogFormat } from '../../config/app-config';
import { currentRequest } from './request-context';

/** A structured log line: what the JSON format writes and what callers may pass as a message. */
export interface LogFields {
  message: string;
  [field: string]: unknown;
}

/**
 * The one logger of the process (Nest's own lines, every `new Logger(context)`, the access log).
 * `json`: one JSON object per line with `time` (ISO 8601, UTC), `level`, `context`, `message`,
 * `requestId` when written while serving a request, any extra fields of an object message, and
 * `stack` for errors. `text`: Nest's readable console lines, with the request id beside the context.
 */
export class AppLogger extends ConsoleLogger {
  constructor(
    private readonly format: LogFormat,
    logLevels: LogLevel[],
  ) {
    // json: true also stops ConsoleLogger printing stacks on a second line; printMessages is ours.
    super({ logLevels, json: format === 'json', colors: format === 'text' && process.stdout.isTTY === true });
  }

  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log', writeStreamType?: 'stdout' | 'stderr', errorStack?: unknown): void {
    const requestId = currentRequest()?.requestId;
    if (this.format === 'text') {
      const readable = messages.map((message) => (isFields(message) ? textOf(message) : message));
      super.printMessages(readable, requestId ? `${context}${context ? ' ' : ''}${requestId}` : context, logLevel, writeStreamType, errorStack);
      return;
    }
    for (const message of messages) {
      const line: Record<string, unknown> = { time: new Date().toISOString(), level: logLevel, context: context || undefined };
      if (requestId) line['requestId'] = requestId;
      if (message instanceof Error) {
        line['message'] = message.message;
        line['stack'] = message.stack;
      } else if (isFields(message)) {
        Object.assign(line, message, { time: line['time'], level: logLevel });
      } else {
        line['message'] = typeof message === 'string' ? message : safeStringify(message);
      }
      if (errorStack !== undefined && line['stack'] === undefined) line['stack'] = errorStack;
      const stream = writeStreamType === 'stderr' || logLevel === 'error' || logLevel === 'fatal' ? process.stderr : process.stdout;
      stream.write(`${safeStringify(line)}\n`);
    }
  }
}

function isFields(message: unknown): message is LogFields {
  return typeof message === 'object' && message !== null && !(message instanceof Error) && typeof (message as LogFields).message === 'string';
}

/** The text format shows the message only: structured callers write messages that read on their own. */
function textOf(fields: LogFields): string {
  return fields.message;
}

/** JSON.stringify that never throws (cycles, BigInt) — a log call must not crash a request. */
function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner)) ?? String(value);
  } catch {
    return String(value);
  }
}
