import type { ApiError, FieldError } from '@shiftdesk/shared-api-contract';

/** The shape of Angular's HttpErrorResponse that matters here, without importing Angular. */
interface HttpLikeError {
  status: number;
  statusText?: string;
  error?: unknown;
}

function isHttpLike(value: unknown): value is HttpLikeError {
  return typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/**
 * Turns whatever a failed request produced into the contract's ApiError, so screens show one
 * human sentence plus per-field messages. A network failure (status 0) or a body that is not an
 * ApiError still yields a readable sentence.
 */
export function toApiError(failure: unknown): ApiError {
  if (!isHttpLike(failure)) {
    return { statusCode: 0, error: 'Error', message: 'Something went wrong. Please try again.' };
  }
  const { status } = failure;
  if (status === 0) {
    return { statusCode: 0, error: 'Network', message: 'The server cannot be reached. Check your connection and try again.' };
  }
  const body = failure.error;
  if (typeof body === 'object' && body !== null) {
    const candidate = body as Partial<ApiError> & { message?: unknown };
    const rawMessage = candidate.message;
    const message = Array.isArray(rawMessage)
      ? rawMessage.filter((m): m is string => typeof m === 'string').join(' ')
      : typeof rawMessage === 'string'
        ? rawMessage
        : '';
    const fields = Array.isArray(candidate.fields) ? candidate.fields.filter(isFieldError) : undefined;
    return {
      statusCode: typeof candidate.statusCode === 'number' ? candidate.statusCode : status,
      error: typeof candidate.error === 'string' ? candidate.error : failure.statusText || 'Error',
      message: message || fallbackMessage(status),
      ...(fields && fields.length ? { fields } : {}),
    };
  }
  return { statusCode: status, error: failure.statusText || 'Error', message: fallbackMessage(status) };
}

function fallbackMessage(status: number): string {
  if (status === 401) return 'Your session has ended. Please sign in again.';
  if (status === 403) return 'You do not have access to this.';
  if (status === 404) return 'Not found.';
  if (status >= 500) return 'The server had a problem. Please try again.';
  return 'The request was not accepted.';
}

/** What `runBusy` drives: a busy flag and an error message (signals fit). */
export interface BusyState {
  busy: { set(value: boolean): void };
  error: { set(value: string): void };
}

/** Runs `work` with `busy` on and `error` cleared; a failure ends up in `error` as the API's message. */
export async function runBusy(state: BusyState, work: () => Promise<void>): Promise<void> {
  state.busy.set(true);
  state.error.set('');
  try {
    await work();
  } catch (failure) {
    state.error.set(toApiError(failure).message);
  } finally {
    state.busy.set(false);
  }
}
