import { computed, inject, Injectable, signal } from '@angular/core';
import type { AgentSummary, ScheduledShift } from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { RequestsApi } from './requests.api';

/** How far ahead a swap can reach into a colleague's shifts, in days. */
const SWAP_HORIZON_DAYS = 56;

/**
 * The agent's active colleagues and their upcoming published shifts, for picking a swap or a
 * give-away receiver. Loaded once per team when the first trade is opened.
 */
@Injectable()
export class ColleaguesStore {
  private readonly api = inject(RequestsApi);
  private loadedFor: string | null = null;

  readonly colleagues = signal<AgentSummary[]>([]);
  readonly shifts = signal<ScheduledShift[]>([]);
  readonly loading = signal(false);
  readonly error = signal('');
  readonly byId = computed(() => new Map(this.colleagues().map((agent) => [agent.id, agent])));

  /** Loads `teamId`'s active agents other than `myAgentId`, and the team's published shifts from `now` (epoch ms). */
  async load(teamId: string, myAgentId: string, now: number): Promise<void> {
    const key = `${teamId}|${myAgentId}`;
    if (this.loadedFor === key || this.loading()) return;
    this.loading.set(true);
    this.error.set('');
    try {
      const window = { from: new Date(now).toISOString(), to: new Date(now + SWAP_HORIZON_DAYS * 86_400_000).toISOString() };
      const [agents, schedule] = await Promise.all([firstValueFrom(this.api.teamAgents(teamId)), firstValueFrom(this.api.teamSchedule(teamId, window))]);
      this.colleagues.set(agents.filter((agent) => agent.active && agent.id !== myAgentId).sort((a, b) => a.displayName.localeCompare(b.displayName)));
      this.shifts.set(schedule.shifts.filter((shift) => shift.status === 'published'));
      this.loadedFor = key;
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  /** A colleague's published shifts starting after `now`, soonest first. */
  upcomingOf(agentId: string, now: number): ScheduledShift[] {
    return this.shifts()
      .filter((shift) => shift.agentId === agentId && Date.parse(shift.start) > now)
      .sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  }
}
