import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AgentBandPosition, BandReport, BandReportRow, PayFlag } from '@shiftdesk/shared-api-contract';
import { PayApi } from '@shiftdesk/web-data-access';
import { EmptyStateComponent, SpinnerComponent } from '@shiftdesk/web-ui';
import { saveText, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { FLAG_TONE, formatAmount, stripPosition } from './pay-format';
import { PAY_STYLES } from './pay-styles';
import { PayTeamStore } from './pay-team.store';

interface BandGroup {
  key: string;
  title: string;
  rows: BandReportRow[];
}

const STRIP_WIDTH = 320;
const LEVELS = ['junior', 'middle', 'senior', 'lead'];

/** `/pay`: bands per region and work mode with their agents as dots, and every agent's flags. */
@Component({
  selector: 'sd-bands-page',
  imports: [FormsModule, RouterLink, SpinnerComponent, EmptyStateComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [PAY_STYLES],
  template: `
    <header class="page-header">
      <h1>Pay bands</h1>
      <p class="subtle">Confidential: only managers of the team see bands, salaries and costs.</p>
    </header>
    <nav class="pay-tabs" aria-label="Pay">
      <a class="btn btn-small btn-primary" routerLink="/pay" [queryParams]="{ team: teams.teamId() }" aria-current="page">Bands</a>
      <a class="btn btn-small btn-ghost" routerLink="/pay/cost" [queryParams]="{ team: teams.teamId() }" data-testid="pay-cost-link">Cost and what-if</a>
    </nav>
    <div class="pay-toolbar">
      <label>Team
        <select class="input" data-testid="pay-team" [ngModel]="teams.teamId()" (ngModelChange)="selectTeam($event)">
          @for (team of teams.teams(); track team.id) {
            <option [value]="team.id">{{ team.name }}</option>
          }
        </select>
      </label>
      <label>On date
        <input class="input" type="date" data-testid="pay-date" [ngModel]="date()" (ngModelChange)="setDate($event)" />
      </label>
      <button type="button" class="btn btn-ghost btn-small" data-testid="bands-csv" (click)="download()" [disabled]="!report()">Download CSV</button>
    </div>

    @if (error(); as message) {
      <div class="alert alert-error" role="alert" data-testid="pay-error">{{ message }}</div>
    } @else if (loading()) {
      <sd-spinner label="Loading bands…" />
    } @else if (teams.loaded() && teams.teams().length === 0) {
      <sd-empty-state heading="You manage no team yet" hint="Pay bands belong to a team." />
    } @else if (report(); as r) {
      <section class="card section-card section-gap" aria-labelledby="flags-heading">
        <h2 id="flags-heading">Flags on {{ r.date }}</h2>
        @if (flagged().length === 0) {
          <p class="muted" data-testid="no-flags">Every agent sits inside their band, above the minimum wage.</p>
        } @else {
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th>Agent</th><th>Level</th><th>Region</th><th class="num">Salary in band</th><th class="num">Compa-ratio</th><th>Flags</th></tr></thead>
              <tbody>
                @for (agent of flagged(); track agent.agentId) {
                  <tr data-testid="flag-row" [attr.data-agent]="agent.displayName">
                    <td><a class="strong-link" [routerLink]="['/pay/agents', agent.agentId]" [queryParams]="{ team: teams.teamId() }">{{ agent.displayName }}</a></td>
                    <td>{{ agent.level ?? '—' }}</td>
                    <td>{{ agent.regionName ?? '—' }} · {{ agent.workMode }}</td>
                    <td class="num">{{ salaryText(agent) }}</td>
                    <td class="num">{{ agent.compaRatio ?? '—' }}</td>
                    <td>
                      @for (flag of agent.flags; track flag) {
                        <span class="flag" [class]="'flag flag-' + tone(flag)" data-testid="flag">{{ flag }}</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>

      @if (groups().length === 0) {
        <sd-empty-state heading="No band is in force on this date" hint="Bands are added over the API (POST /api/teams/:id/pay/bands) and versioned from their effective date." />
      }
      @for (group of groups(); track group.key) {
        <section class="card section-card group" [attr.data-testid]="'band-group'" [attr.data-group]="group.title">
          <h2>{{ group.title }}</h2>
          <div class="table-wrap">
            <table class="table">
              <thead><tr><th>Level</th><th class="num">Min</th><th class="num">Mid</th><th class="num">Max</th><th>Agents in the band</th><th>Minimum wage</th></tr></thead>
              <tbody>
                @for (row of group.rows; track row.band.id) {
                  <tr data-testid="band-row" [attr.data-level]="row.band.level">
                    <td>{{ row.band.level }}<div class="subtle">per {{ row.band.period }}, from {{ row.band.effectiveFrom }}</div></td>
                    <td class="num">{{ amount(row.band.minMinor, row.band.currency) }}</td>
                    <td class="num">{{ amount(row.band.midMinor, row.band.currency) }}</td>
                    <td class="num">{{ amount(row.band.maxMinor, row.band.currency) }}</td>
                    <td>
                      <svg class="strip" [attr.width]="stripWidth" height="34" role="img" [attr.aria-label]="stripLabel(row)">
                        <rect class="band" [attr.x]="x(row.band.minMinor, row)" y="8" [attr.width]="x(row.band.maxMinor, row) - x(row.band.minMinor, row)" height="18" rx="3" />
                        <line class="mid" [attr.x1]="x(row.band.midMinor, row)" [attr.x2]="x(row.band.midMinor, row)" y1="6" y2="28" />
                        @for (agent of row.agents; track agent.agentId) {
                          @if (agent.salaryInBandMinor !== null) {
                            <circle class="dot" [class]="'dot ' + dotClass(agent)" [attr.cx]="x(agent.salaryInBandMinor, row)" cy="17" r="6" data-testid="band-dot">
                              <title>{{ agent.displayName }}: {{ amount(agent.salaryInBandMinor, row.band.currency) }}</title>
                            </circle>
                          }
                        }
                      </svg>
                      <div class="subtle">
                        @for (agent of row.agents; track agent.agentId; let last = $last) {
                          <a [routerLink]="['/pay/agents', agent.agentId]" [queryParams]="{ team: teams.teamId() }">{{ agent.displayName }}</a>{{ last ? '' : ', ' }}
                        } @empty { no agent }
                      </div>
                    </td>
                    <td>
                      @for (flag of row.belowMinimumWage; track flag.regionId ?? flag.countryCode) {
                        <span class="flag flag-danger" data-testid="band-below-minimum-wage">min under {{ amount(flag.minimumWageMinor, flag.currency) }} ({{ flag.regionName ?? flag.countryCode }})</span>
                      } @empty {
                        <span class="muted">ok</span>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }
      @if (r.ratesUsed.length > 0) {
        <p class="subtle">Rates used: @for (rate of r.ratesUsed; track $index) {<span>1 {{ rate.from }} = {{ rate.rate }} {{ rate.to }} ({{ rate.date }}{{ rate.inverted ? ', inverted' : '' }}) </span>}</p>
      }
    }
  `,
})
export class BandsPageComponent {
  private readonly api = inject(PayApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  readonly teams = inject(PayTeamStore);
  readonly stripWidth = STRIP_WIDTH;

  readonly report = signal<BandReport | null>(null);
  readonly loading = signal(true);
  readonly error = signal<string | null>(null);
  readonly date = signal('');

  readonly flagged = computed(() => (this.report()?.agents ?? []).filter((agent) => agent.flags.length > 0));
  readonly groups = computed<BandGroup[]>(() => {
    const groups = new Map<string, BandGroup>();
    for (const row of this.report()?.bands ?? []) {
      const title = `${row.band.regionName ?? 'Any region'} · ${row.band.workMode} · ${row.band.currency}`;
      const group = groups.get(title) ?? { key: title, title, rows: [] };
      group.rows.push(row);
      groups.set(title, group);
    }
    for (const group of groups.values()) group.rows.sort((a, b) => LEVELS.indexOf(a.band.level) - LEVELS.indexOf(b.band.level));
    return [...groups.values()];
  });

  constructor() {
    void this.init();
  }

  private async init(): Promise<void> {
    await this.teams.ensure(this.route.snapshot.queryParamMap.get('team'));
    this.error.set(this.teams.error());
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
      const report = await firstValueFrom(this.api.bandReport(teamId, this.date() || undefined));
      this.report.set(report);
      if (!this.date()) this.date.set(report.date);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  selectTeam(teamId: string): void {
    this.teams.teamId.set(teamId);
    void this.router.navigate([], { queryParams: { team: teamId }, replaceUrl: true });
    void this.load();
  }

  setDate(date: string): void {
    this.date.set(date);
    void this.load();
  }

  async download(): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) return;
    try {
      saveText(await firstValueFrom(this.api.csv(teamId, 'bands', { date: this.date() || undefined })), `band-report-${this.date()}.csv`);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    }
  }

  amount(minor: number | null, currency: string): string {
    return formatAmount(minor, currency);
  }

  salaryText(agent: AgentBandPosition): string {
    const band = this.report()?.bands.find((row) => row.band.id === agent.bandId)?.band;
    if (band && agent.salaryInBandMinor !== null) return formatAmount(agent.salaryInBandMinor, band.currency);
    return agent.salary ? formatAmount(agent.salary.amountMinor, agent.salary.currency) : '—';
  }

  tone(flag: PayFlag): string {
    return FLAG_TONE[flag];
  }

  x(value: number, row: BandReportRow): number {
    return 6 + stripPosition(value, row.band.minMinor, row.band.maxMinor) * (STRIP_WIDTH - 12);
  }

  dotClass(agent: AgentBandPosition): string {
    return agent.flags.includes('below band') ? 'dot-below' : agent.flags.includes('above band') ? 'dot-above' : 'dot-ok';
  }

  stripLabel(row: BandReportRow): string {
    return `${row.band.level} band ${formatAmount(row.band.minMinor, row.band.currency)} to ${formatAmount(row.band.maxMinor, row.band.currency)} with ${row.agents.length} agents`;
  }
}
