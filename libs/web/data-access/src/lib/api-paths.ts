import { API_PREFIX } from '@shiftdesk/shared-api-contract';

/** The API is served on the web app's own origin, so paths are absolute but host-less. */
export const API_BASE = `/${API_PREFIX}`;

/** True for requests to our API (the interceptor must not leak the token elsewhere). */
export function isApiUrl(url: string): boolean {
  return url === API_BASE || url.startsWith(`${API_BASE}/`);
}
