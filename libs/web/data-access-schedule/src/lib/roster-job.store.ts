import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import type { ApplyRosterResponse, GenerateRosterRequest, PublishShiftsResponse, RosterJob, RosterJobStatus } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { addDays, startOfDay } from './local-week';
import { RostersApi } from './rosters.api';

/** How often a running job is asked for its progress, ms. */
export const ROSTER_POLL_INTERVAL_MS = 1000;

/** A job in one of these states changes no more: polling stops. */
export function isRosterJobFinished(status: RosterJobStatus): boolean {
  return status === 'done' || status === 'failed' || status === 'cancelled';
}

/** What the manager has done with the job's roster so far. */
export type RosterJobAction = 'cancel' | 'apply' | 'publish';

/**
 * One roster generation of one team at a time: starts the job, polls it until it is done,
 * failed or cancelled, cancels it (the API keeps the best roster so far), applies its roster as
 * draft shifts and publishes the drafts of its period. Scoped to the component that shows it;
 * polling stops when that goes away.
 */
@Injectable()
export class RosterJobStore {
  private readonly api = inject(RostersApi);
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** Bumped by every start/reset: answers about an older job are dropped. */
  private generation = 0;

  readonly teamId = signal<string | null>(null);
  /** The request the job was started with (its time limit is the progress bar's 100 %). */
  readonly request = signal<GenerateRosterRequest | null>(null);
  readonly job = signal<RosterJob | null>(null);
  /** A failed poll or action (network, 404 after a restart, 409 on apply), in words. */
  readonly error = signal('');
  readonly busy = signal<RosterJobAction | null>(null);
  readonly applied = signal<ApplyRosterResponse | null>(null);
  readonly published = signal<PublishShiftsResponse | null>(null);

  readonly status = computed(() => this.job()?.status ?? null);
  readonly running = computed(() => {
    const status = this.status();
    return status === 'queued' || status === 'running';
  });
  readonly result = computed(() => this.job()?.result ?? null);

  constructor() {
    inject(DestroyRef).onDestroy(() => this.stopPolling());
  }

  /**
   * Starts a generation and polls it. Rejects with the contract's ApiError when the API refuses
   * the request (400 naming the field), for the form to show; nothing changes then. A job of
   * this store still running is cancelled first: the API runs one job at a time, and the new one
   * would wait behind it.
   */
  async start(teamId: string, request: GenerateRosterRequest): Promise<void> {
    const running = this.job();
    const runningTeam = this.teamId();
    if (running && runningTeam && this.running()) {
      try {
        await firstValueFrom(this.api.cancel(runningTeam, running.id));
      } catch {
        // Already finished or forgotten by the API: nothing to stop.
      }
    }
    let accepted;
    try {
      accepted = await firstValueFrom(this.api.generate(teamId, request));
    } catch (failure) {
      throw toApiError(failure);
    }
    this.reset();
    const generation = this.generation;
    this.teamId.set(teamId);
    this.request.set(request);
    const now = new Date().toISOString();
    this.job.set({ id: accepted.jobId, teamId, status: accepted.status, from: request.from, to: request.to, createdAt: now, startedAt: null, finishedAt: null, progress: null, result: null, error: null });
    await this.poll(generation);
  }

  /** Stops the search; the job keeps the best roster found so far. */
  async cancel(): Promise<void> {
    const job = this.job();
    const teamId = this.teamId();
    if (!job || !teamId || isRosterJobFinished(job.status)) return;
    const generation = this.generation;
    this.busy.set('cancel');
    this.error.set('');
    try {
      const answer = await firstValueFrom(this.api.cancel(teamId, job.id));
      if (generation !== this.generation) return;
      this.job.set(answer);
      if (isRosterJobFinished(answer.status)) this.stopPolling();
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
    } finally {
      if (generation === this.generation) this.busy.set(null);
    }
  }

  /** Writes the roster as draft shifts (replacing the team's earlier drafts in the period). */
  async apply(): Promise<ApplyRosterResponse | null> {
    const job = this.job();
    const teamId = this.teamId();
    if (!job || !teamId) return null;
    return this.act('apply', () => firstValueFrom(this.api.apply(teamId, job.id)), (answer) => this.applied.set(answer));
  }

  /** Publishes the team's drafts starting in the job's period: local days in `zone`, [from 00:00, to + 1 00:00). */
  async publish(zone: string): Promise<PublishShiftsResponse | null> {
    const job = this.job();
    const teamId = this.teamId();
    if (!job || !teamId) return null;
    const span = { from: new Date(startOfDay(job.from, zone)).toISOString(), to: new Date(startOfDay(addDays(job.to, 1), zone)).toISOString() };
    return this.act('publish', () => firstValueFrom(this.api.publish(teamId, span)), (answer) => this.published.set(answer));
  }

  /** Forgets the job (polling stops; the API keeps it until it is pruned). */
  reset(): void {
    this.generation++;
    this.stopPolling();
    this.job.set(null);
    this.request.set(null);
    this.error.set('');
    this.busy.set(null);
    this.applied.set(null);
    this.published.set(null);
  }

  private async act<T>(action: RosterJobAction, call: () => Promise<T>, keep: (answer: T) => void): Promise<T | null> {
    const generation = this.generation;
    this.busy.set(action);
    this.error.set('');
    try {
      const answer = await call();
      if (generation === this.generation) keep(answer);
      return answer;
    } catch (failure) {
      if (generation === this.generation) this.error.set(toApiError(failure).message);
      return null;
    } finally {
      if (generation === this.generation) this.busy.set(null);
    }
  }

  private async poll(generation: number): Promise<void> {
    this.timer = null;
    const job = this.job();
    const teamId = this.teamId();
    if (!job || !teamId || generation !== this.generation) return;
    try {
      const answer = await firstValueFrom(this.api.job(teamId, job.id));
      if (generation !== this.generation) return;
      this.job.set(answer);
      this.error.set('');
      if (isRosterJobFinished(answer.status)) return;
    } catch (failure) {
      if (generation !== this.generation) return;
      const error = toApiError(failure);
      this.error.set(error.message);
      // The job is gone (API restarted, or pruned): asking again will not bring it back.
      if (error.statusCode === 404) return;
    }
    this.timer = setTimeout(() => void this.poll(generation), ROSTER_POLL_INTERVAL_MS);
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
