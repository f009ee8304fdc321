import { ChangeDetectionStrategy, Component, computed, inject, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { CostReport, WhatIfReport } from '@shiftdesk/shared-api-contract';
import { PayApi } from '@shiftdesk/web-data-access';
import { EmptyStateComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { saveText, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { addDays, formatAmount, mondayOf, todayIn } from './pay-format';
import { PAY_STYLES } from './pay-styles';
import { PayTeamStore } from './pay-team.store';

const CHART_WIDTH = 640;
const CHART_HEIGHT = 220;
const BAR_GAP = 24;

/** `/pay/cost`: what the final schedule costs over a period, and the 12 h … 24/7 what-if side by side. */
@Component({
  selector: 'sd-cost-page',
  imports: [FormsModule, RouterLink, SpinnerComponent, EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [PAY_STYLES],
  template: `
    <header class="page-header">
      <h1>Roster cost</h1>
      <p class="subtle">Confidential: managers of the team only.</p>
    </header>
    <nav class="pay-tabs" aria-label="Pay">
      <a class="btn btn-small btn-ghost" routerLink="/pay" [queryParams]="{ team: teams.teamId() }">Bands</a>
      <a class="btn btn-small btn-primary" routerLink="/pay/cost" [queryParams]="{ team: teams.teamId() }" aria-current="page">Cost and what-if</a>
    </nav>
    <form class="pay-toolbar" (ngSubmit)="load()">
      <label>Team
        <select class="input" name="team" [ngModel]="teams.teamId()" (ngModelChange)="selectTeam($event)">
          @for (team of teams.teams(); track team.id) { <option [value]="team.id">{{ team.name }}</option> }
        </select>
      </label>
      <label>From <input class="input" type="date" name="from" data-testid="cost-from" [ngModel]="from()" (ngModelChange)="from.set($event)" /></label>
      <label>To <input class="input" type="date" name="to" data-testid="cost-to" [ngModel]="to()" (ngModelChange)="to.set($event)" /></label>
      <label>Seats for the what-if <input class="input" type="number" min="1" max="50" name="seats" data-testid="whatif-seats" [ngModel]="seats()" (ngModelChange)="seats.set($event)" /></label>
      <button type="submit" class="btn btn-primary btn-small" data-testid="cost-load">Show</button>
      <button type="button" class="btn btn-ghost btn-small" data-testid="cost-csv" (click)="download()" [disabled]="!cost()">Download CSV</button>
    </form>

    @if (error(); as message) {
      <div class="alert alert-error" role="alert" data-testid="pay-error">{{ message }}</div>
    }
    @if (loading()) {
      <sd-spinner label="Computing the cost…" />
    } @else if (teams.loaded() && teams.teams().length === 0) {
      <sd-empty-state heading="You manage no team yet" hint="Costs belong to a team." />
    } @else {
      @if (cost(); as c) {
        <section class="card section-card section-gap" data-testid="cost-report">
          <h2>{{ c.from }} – {{ c.to }} in {{ c.currency }}</h2>
          <div class="stats">
            <div class="stat"><span class="stat-label">Total</span><span class="stat-value" data-testid="cost-total">{{ amount(c.totalMinor, c.currency) }}</span></div>
            <div class="stat"><span class="stat-label">Per covered hour</span><span class="stat-value">{{ amount(c.costPerCoveredHourMinor, c.currency) }}</span><span class="stat-detail">{{ c.coveredHours }} h covered</span></div>
            <div class="stat"><span class="stat-label">Per target hour</span><span class="stat-value">{{ amount(c.costPerTargetHourMinor, c.currency) }}</span><span class="stat-detail">{{ c.targetHours }} h targeted</span></div>
            <div class="stat"><span class="stat-label">Overtime</span><span class="stat-value">{{ c.overtimeHours }} h</span><span class="stat-detail">{{ c.workedHours }} h worked of {{ c.contractHours }} h contracted</span></div>
          </div>
          <p class="subtle">Contract pay pro rata, plus {{ c.settings.nightPremiumPercent }} % for night hours (22:00–06:00 on each agent's clock), {{ c.settings.weekendPremiumPercent }} % on weekends, {{ c.settings.holidayPremiumPercent }} % on public holidays, overtime at +{{ c.settings.overtimePremiumPercent }} %, and {{ c.settings.onCostPercent }} % employer on-cost. Salaries and rates of {{ c.rateDate }}.</p>
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th>Agent</th><th class="num">Hourly cost</th><th class="num">Worked / contract h</th><th class="num">Night / weekend / holiday h</th><th class="num">Base</th><th class="num">Premiums</th><th class="num">Overtime</th><th class="num">On-cost</th><th class="num">Total</th></tr></thead>
              <tbody>
                @for (row of c.agents; track row.agentId) {
                  <tr [class.row-muted]="row.missing !== null">
                    <td>{{ row.displayName }} @if (row.missing) { <span class="flag flag-muted">{{ row.missing }}</span> }</td>
                    <td class="num">{{ amount(row.hourlyCostMinor, c.currency) }}</td>
                    <td class="num">{{ row.workedHours }} / {{ row.contractHours }}</td>
                    <td class="num">{{ row.nightHours }} / {{ row.weekendHours }} / {{ row.holidayHours }}</td>
                    <td class="num">{{ amount(row.baseMinor, c.currency) }}</td>
                    <td class="num">{{ amount(row.premiumsMinor, c.currency) }}</td>
                    <td class="num">{{ amount(row.overtimeMinor, c.currency) }}</td>
                    <td class="num">{{ amount(row.onCostMinor, c.currency) }}</td>
                    <td class="num">{{ amount(row.totalMinor, c.currency) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
          @if (c.ratesUsed.length > 0) {
            <p class="subtle">Rates used: @for (rate of c.ratesUsed; track $index) {<span>1 {{ rate.from }} = {{ rate.rate }} {{ rate.to }} ({{ rate.date }}{{ rate.inverted ? ', inverted' : '' }}) </span>}</p>
          }
        </section>
      }

      @if (whatIf(); as w) {
        <section class="card section-card section-gap" data-testid="what-if">
          <h2>What-if: coverage options side by side <span class="flag flag-warning">estimate</span></h2>
          <p class="estimate-note">{{ w.method }} Week of {{ w.weekStart }}, {{ w.minAgents }} seat(s), average hourly rate {{ amount(w.averageHourlyRateMinor, w.currency) }}.</p>
          @if (w.averageHourlyRateMinor === null) {
            <p class="muted">No agent of the team has a salary yet, so the options cannot be priced.</p>
          }
          <svg class="bars" [attr.viewBox]="'0 0 ' + chartWidth + ' ' + (chartHeight + 60)" [attr.width]="chartWidth" [attr.height]="chartHeight + 60" role="img" aria-label="Estimated cost per month of each coverage option">
            @for (option of w.options; track option.preset; let i = $index) {
              <rect class="bar" data-testid="what-if-bar" [attr.x]="barX(i)" [attr.y]="chartHeight - barHeight(option.costPerMonthMinor) + 20" [attr.width]="barWidth()" [attr.height]="barHeight(option.costPerMonthMinor)">
                <title>{{ option.label }}: {{ amount(option.costPerMonthMinor, w.currency) }} a month</title>
              </rect>
              <text [attr.x]="barX(i) + barWidth() / 2" [attr.y]="chartHeight - barHeight(option.costPerMonthMinor) + 14" text-anchor="middle">{{ short(option.costPerMonthMinor) }}</text>
              <text [attr.x]="barX(i) + barWidth() / 2" [attr.y]="chartHeight + 36" text-anchor="middle">{{ option.preset }}</text>
              <text [attr.x]="barX(i) + barWidth() / 2" [attr.y]="chartHeight + 52" text-anchor="middle">{{ option.agentsNeeded }} agents</text>
            }
          </svg>
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th>Option</th><th class="num">Seat-hours / week</th><th class="num">Head-count</th><th class="num">Agents needed</th><th class="num">To hire (team has {{ w.options[0]?.currentAgents ?? 0 }} priced)</th><th class="num">Night / weekend h</th><th class="num">Per week</th><th class="num">Per month</th></tr></thead>
              <tbody>
                @for (option of w.options; track option.preset) {
                  <tr data-testid="what-if-row">
                    <td>{{ option.label }}</td>
                    <td class="num">{{ option.seatHoursPerWeek }}</td>
                    <td class="num">{{ option.headCount }}</td>
                    <td class="num">{{ option.agentsNeeded }}</td>
                    <td class="num">{{ option.agentsToHire > 0 ? option.agentsToHire : '—' }}</td>
                    <td class="num">{{ option.nightHoursPerWeek }} / {{ option.weekendHoursPerWeek }}</td>
                    <td class="num">{{ amount(option.costPerWeekMinor, w.currency) }}</td>
                    <td class="num">{{ amount(option.costPerMonthMinor, w.currency) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }
    }
  `,
})
export class CostPageComponent implements OnInit {
  private readonly api = inject(PayApi);
  private readonly route = inject(ActivatedRoute);
  readonly teams = inject(PayTeamStore);
  readonly chartWidth = CHART_WIDTH;
  readonly chartHeight = CHART_HEIGHT;

  readonly from = signal('');
  readonly to = signal('');
  readonly seats = signal(1);
  readonly cost = signal<CostReport | null>(null);
  readonly whatIf = signal<WhatIfReport | null>(null);
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);
  private readonly maxCost = computed(() => Math.max(1, ...(this.whatIf()?.options ?? []).map((option) => option.costPerMonthMinor)));
  readonly barWidth = computed(() => {
    const count = Math.max(1, this.whatIf()?.options.length ?? 1);
    return (CHART_WIDTH - BAR_GAP * (count + 1)) / count;
  });

  ngOnInit(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    await this.teams.ensure(this.route.snapshot.queryParamMap.get('team'));
    this.error.set(this.teams.error());
    const monday = mondayOf(todayIn(this.teams.team()?.timeZone ?? 'UTC'));
    this.from.set(monday);
    this.to.set(addDays(monday, 6));
    await this.load();
  }

  async load(): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) {
      this.loading.set(false);
      return;
    }
    this.loading.set(true);
    this.error.set(null);
    try {
      const [cost, whatIf] = await Promise.all([
        firstValueFrom(this.api.cost(teamId, this.from(), this.to())),
        firstValueFrom(this.api.whatIf(teamId, { weekStart: mondayOf(this.from()), minAgents: Number(this.seats()) || 1 })),
      ]);
      this.cost.set(cost);
      this.whatIf.set(whatIf);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  selectTeam(teamId: string): void {
    this.teams.teamId.set(teamId);
    void this.load();
  }

  async download(): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) return;
    try {
      saveText(await firstValueFrom(this.api.csv(teamId, 'cost', { from: this.from(), to: this.to() })), `cost-report-${this.from()}-${this.to()}.csv`);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  amount(minor: number | null, currency: string): string {
    return formatAmount(minor, currency);
  }

  /** Compact bar label: thousands of major units. */
  short(minor: number): string {
    return `${Math.round(minor / 100_000)}k`;
  }

  barX(index: number): number {
    return BAR_GAP + index * (this.barWidth() + BAR_GAP);
  }

  barHeight(minor: number): number {
    return Math.round((minor / this.maxCost()) * (CHART_HEIGHT - 10));
  }
}
