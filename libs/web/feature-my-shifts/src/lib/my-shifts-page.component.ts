import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, type OnInit, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PeriodHours, ScheduledShift, ShiftRequest, ShiftRequestDetail } from '@shiftdesk/shared-api-contract';
import { SessionStore } from '@shiftdesk/web-data-access';
import { formatBesideIn, formatDay, formatSpanIn, localDateOf, MyShiftsStore, NoticesStore, paidHours, splitShifts } from '@shiftdesk/web-data-access-requests';
import { EmptyStateComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, describeAwaiting, describeHours, describeRequest, formatCountdown, formatHours } from '@shiftdesk/web-util';
import { TradePanelComponent, type TradeMode } from './trade-panel.component';

/** What happens next to a request just sent. */
export function sentMessage(request: ShiftRequestDetail): string {
  if (request.state === 'approved') return 'Request sent and approved at once: your shifts have changed.';
  if (request.awaiting === 'manager') return 'Request sent. A manager approves it next.';
  if (request.offered) return 'Shift offered. Colleagues who can take it see it under open shifts.';
  return `Request sent. ${request.targetName ?? 'Your colleague'} is asked to accept it.`;
}

/** Past shifts shown before "Show more". */
const PAST_ROWS = 10;

/**
 * The agent's home: the next shift as a live countdown, hours this week and month against the
 * contract, upcoming shifts on the agent's own wall clock (the team's beside it when it reads
 * differently), each with Swap and Give away, and past shifts on demand.
 */
@Component({
  selector: 'sd-my-shifts-page',
  imports: [RouterLink, EmptyStateComponent, SpinnerComponent, TradePanelComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './my-shifts-page.component.html',
  styleUrl: './my-shifts-page.component.css',
})
export class MyShiftsPageComponent implements OnInit {
  protected readonly store = inject(MyShiftsStore);
  private readonly session = inject(SessionStore);
  private readonly notices = inject(NoticesStore);

  /** Ticks every second for the countdown; everything else reads it too, so a shift that starts moves along. */
  protected readonly now = signal(Date.now());
  protected readonly showPast = signal(false);
  protected readonly pastLimit = signal(PAST_ROWS);
  /** The shift whose trade panel is open, and which one. */
  protected readonly trading = signal<{ shiftId: string; mode: TradeMode } | null>(null);
  protected readonly sentNotice = signal('');

  protected readonly data = this.store.data;
  protected readonly zone = computed(() => this.data()?.timeZone ?? 'UTC');
  protected readonly teamZone = computed(() => this.data()?.teamTimeZone ?? null);
  protected readonly myAgentId = computed(() => this.data()?.agentId ?? this.session.user()?.agentId ?? '');
  private readonly split = computed(() => splitShifts(this.data()?.shifts ?? [], this.now()));
  protected readonly current = computed(() => this.split().current);
  protected readonly next = computed(() => this.split().next);
  protected readonly upcoming = computed(() => this.split().upcoming);
  protected readonly past = computed(() => this.split().past);
  protected readonly shownPast = computed(() => this.past().slice(0, this.pastLimit()));
  protected readonly countdown = computed(() => {
    const next = this.next();
    return next ? formatCountdown(Date.parse(next.start) - this.now()) : '';
  });
  protected readonly endsIn = computed(() => {
    const current = this.current();
    return current ? formatCountdown(Date.parse(current.end) - this.now()) : '';
  });
  protected readonly week = computed(() => (this.data() ? this.hours(this.data()!.week) : null));
  protected readonly month = computed(() => (this.data() ? this.hours(this.data()!.month) : null));
  protected readonly channelLabels = CHANNEL_LABELS;

  constructor() {
    const timer = setInterval(() => this.now.set(Date.now()), 1000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  ngOnInit(): void {
    void this.store.load(Date.now());
  }

  protected reload(): void {
    void this.store.load(Date.now());
  }

  private hours(period: PeriodHours) {
    return { ...describeHours(period), worked: formatHours(period.workedHours) };
  }

  protected day(shift: ScheduledShift): string {
    return formatDay(localDateOf(Date.parse(shift.start), this.zone()));
  }

  protected span(shift: ScheduledShift): string {
    return formatSpanIn(Date.parse(shift.start), Date.parse(shift.end), this.zone());
  }

  protected teamSpan(shift: ScheduledShift): string | null {
    return formatBesideIn(shift.start, shift.end, this.zone(), this.teamZone() ?? '');
  }

  protected length(shift: ScheduledShift): string {
    return formatHours(paidHours(shift));
  }

  /** `Give-away to Marie Dubois · Waiting for Marie Dubois`: the open request this shift is part of. */
  protected requestLabel(request: ShiftRequest): string {
    const awaiting = describeAwaiting(request);
    return `${describeRequest(request)}${awaiting ? ` · ${awaiting}` : ''}`;
  }

  protected isTrading(shift: ScheduledShift, mode: TradeMode): boolean {
    const trading = this.trading();
    return !!trading && trading.shiftId === shift.id && trading.mode === mode;
  }

  protected openTrade(shift: ScheduledShift, mode: TradeMode): void {
    this.sentNotice.set('');
    this.trading.set(this.isTrading(shift, mode) ? null : { shiftId: shift.id, mode });
  }

  protected closeTrade(): void {
    this.trading.set(null);
  }

  protected onCreated(request: ShiftRequestDetail): void {
    this.sentNotice.set(sentMessage(request));
    this.trading.set(null);
    // The request may have been approved at once (auto-when-clean): reread the shifts, and the bell.
    void this.store.load(Date.now());
    void this.notices.refresh();
  }

  protected togglePast(): void {
    this.showPast.update((shown) => !shown);
  }

  protected morePast(): void {
    this.pastLimit.update((limit) => limit + PAST_ROWS * 3);
  }
}
