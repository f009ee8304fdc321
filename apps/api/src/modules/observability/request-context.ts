import { AsyncLocalStorage } from 'node:async_hooks';

/** What a log line written while serving a request knows about that request. */
export interface RequestContext {
  requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** The request being served by the current async call chain, if any (jobs and start-up have none). */
export function currentRequest(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `work` (and everything it awaits or schedules) as part of this request. */
export function runInRequest<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}
