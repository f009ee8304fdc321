import { createHmac, randomBytes } from 'node:crypto';

/** A new signing secret: 32 random bytes as 64 hex characters. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

/**
 * `sha256=` + hex HMAC-SHA256 of `<timestamp>.<body>`: the timestamp (Unix seconds, also sent as
 * `X-Shiftdesk-Timestamp`) is signed with the body so a captured request cannot be replayed
 * later under a fresh timestamp.
 */
export function signWebhook(input: { secret: string; timestamp: number; body: string }): string {
  return `sha256=${createHmac('sha256', input.secret).update(`${input.timestamp}.${input.body}`).digest('hex')}`;
}
