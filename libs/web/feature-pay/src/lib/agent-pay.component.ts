import { ChangeDetectionStrategy, Component, computed, inject, input, type OnInit, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { PAY_LEVELS, PAY_PERIODS, type AgentPay, type PayFlag, type PayLevel, type PayPeriod } from '@shiftdesk/shared-api-contract';
import { PayApi } from '@shiftdesk/web-data-access';
import { SpinnerComponent } from '@shiftdesk/web-ui';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { FLAG_TONE, formatAmount, parseAmountInput, todayIn } from './pay-format';
import { PAY_STYLES } from './pay-styles';
import { PayTeamStore } from './pay-team.store';

/** `/pay/agents/:agentId`: an agent's pay tab — band position, flags, salary history, a new salary. */
@Component({
  selector: 'sd-agent-pay',
  imports: [FormsModule, RouterLink, SpinnerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: [PAY_STYLES],
  template: `
    <a class="back-link" routerLink="/pay" [queryParams]="{ team: teams.teamId() }">← Pay bands</a>
    @if (error(); as message) {
      <div class="alert alert-error" role="alert" data-testid="pay-error">{{ message }}</div>
    }
    @if (loading() && !pay()) {
      <sd-spinner label="Loading pay…" />
    } @else if (pay(); as p) {
      <header class="page-header">
        <h1 data-testid="agent-pay-name">{{ p.position.displayName }} · pay</h1>
        <p class="subtle">{{ p.position.regionName ?? 'No region' }} · {{ p.position.workMode }} · {{ p.position.contractHoursPerWeek }} h a week. Confidential.</p>
      </header>

      <section class="card section-card section-gap">
        <h2>Against the band</h2>
        <div class="pay-toolbar">
          <label>Level
            <select class="input" data-testid="agent-level" [ngModel]="p.position.level ?? ''" (ngModelChange)="setLevel($event)" [disabled]="saving()">
              <option value="">no level</option>
              @for (level of levels; track level) {
                <option [value]="level">{{ level }}</option>
              }
            </select>
          </label>
        </div>
        <dl class="details">
          <dt>Band</dt>
          <dd data-testid="agent-band">
            @if (p.band; as band) {
              {{ band.level }}, {{ band.regionName ?? 'any region' }} · {{ band.workMode }}: {{ amount(band.minMinor, band.currency) }} – {{ amount(band.maxMinor, band.currency) }} per {{ band.period }} (mid {{ amount(band.midMinor, band.currency) }})
            } @else {
              none matches
            }
          </dd>
          <dt>Salary in the band's terms</dt>
          <dd>{{ p.band ? amount(p.position.salaryInBandMinor, p.band.currency) : '—' }}</dd>
          <dt>Compa-ratio (salary ÷ mid)</dt>
          <dd data-testid="agent-compa">{{ p.position.compaRatio ?? '—' }}</dd>
          <dt>Range penetration ((salary − min) ÷ (max − min))</dt>
          <dd>{{ p.position.rangePenetration ?? '—' }}</dd>
          <dt>Minimum wage</dt>
          <dd>{{ p.position.minimumWageCurrency ? amount(p.position.minimumWageMinor, p.position.minimumWageCurrency) : 'no minimum on file' }}</dd>
          <dt>Flags</dt>
          <dd data-testid="agent-flags">
            @for (flag of p.position.flags; track flag) {
              <span [class]="'flag flag-' + tone(flag)" data-testid="flag">{{ flag }}</span>
            } @empty {
              <span data-testid="no-agent-flags">none: inside the band and above the minimum wage</span>
            }
          </dd>
        </dl>
      </section>

      <section class="card section-card section-gap">
        <h2>Add a salary</h2>
        <p class="subtle">A raise or a correction is a new entry from its date; history is never rewritten. Amounts are full-time equivalents.</p>
        <form class="form-grid" (ngSubmit)="addSalary()" data-testid="salary-form">
          <label class="field">Amount
            <input class="input" name="amount" data-testid="salary-amount" inputmode="decimal" [ngModel]="amountText()" (ngModelChange)="amountText.set($event)" placeholder="33000" required />
            @if (fieldError('amountMinor'); as e) { <span class="field-error">{{ e }}</span> }
          </label>
          <label class="field">Currency
            <input class="input" name="currency" data-testid="salary-currency" [ngModel]="currency()" (ngModelChange)="currency.set($event)" maxlength="3" />
            @if (fieldError('currency'); as e) { <span class="field-error">{{ e }}</span> }
          </label>
          <label class="field">Per
            <select class="input" name="period" [ngModel]="period()" (ngModelChange)="period.set($event)">
              @for (value of periods; track value) { <option [value]="value">{{ value }}</option> }
            </select>
          </label>
          <label class="field">From
            <input class="input" type="date" name="effectiveFrom" data-testid="salary-from" [ngModel]="effectiveFrom()" (ngModelChange)="effectiveFrom.set($event)" />
            @if (fieldError('effectiveFrom'); as e) { <span class="field-error">{{ e }}</span> }
          </label>
          <label class="field">Comment
            <input class="input" name="comment" [ngModel]="comment()" (ngModelChange)="comment.set($event)" maxlength="500" placeholder="Annual review" />
          </label>
          <div class="form-actions">
            <button type="submit" class="btn btn-primary" data-testid="salary-save" [disabled]="saving()">{{ saving() ? 'Saving…' : 'Add salary' }}</button>
          </div>
        </form>
      </section>

      <section class="card section-card section-gap">
        <h2>Salary history</h2>
        @if (p.salaries.length === 0) {
          <p class="muted">No salary yet.</p>
        } @else {
          <div class="table-wrap">
            <table class="table" data-testid="salary-history">
              <thead><tr><th>From</th><th class="num">Amount</th><th>Per</th><th>Comment</th><th>Entered by</th></tr></thead>
              <tbody>
                @for (salary of p.salaries; track salary.id) {
                  <tr>
                    <td>{{ salary.effectiveFrom }}</td>
                    <td class="num">{{ amount(salary.amountMinor, salary.currency) }}</td>
                    <td>{{ salary.period }}</td>
                    <td>{{ salary.comment ?? '' }}</td>
                    <td>{{ salary.createdBy }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </section>
    }
  `,
})
export class AgentPayComponent implements OnInit {
  private readonly api = inject(PayApi);
  readonly teams = inject(PayTeamStore);
  /** Route parameter and query (withComponentInputBinding). */
  readonly agentId = input.required<string>();
  readonly team = input<string | undefined>();

  readonly levels = PAY_LEVELS;
  readonly periods = PAY_PERIODS;
  readonly pay = signal<AgentPay | null>(null);
  readonly loading = signal(true);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  private readonly fields = signal<Record<string, string>>({});
  readonly fieldError = (field: string) => this.fields()[field] ?? null;
  readonly teamZone = computed(() => this.teams.team()?.timeZone ?? 'UTC');

  readonly amountText = signal('');
  readonly currency = signal('RUB');
  readonly period = signal<PayPeriod>('month');
  readonly effectiveFrom = signal('');
  readonly comment = signal('');

  ngOnInit(): void {
    void this.init();
  }

  private async init(): Promise<void> {
    await this.teams.ensure(this.team());
    this.error.set(this.teams.error());
    this.effectiveFrom.set(todayIn(this.teamZone()));
    await this.load();
    const p = this.pay();
    const last = p?.salaries[0];
    this.currency.set(p?.band?.currency ?? last?.currency ?? 'RUB');
    this.period.set(p?.band?.period ?? last?.period ?? 'month');
  }

  async load(): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) return;
    this.loading.set(true);
    try {
      this.pay.set(await firstValueFrom(this.api.agentPay(teamId, this.agentId())));
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  async setLevel(value: string): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) return;
    this.saving.set(true);
    this.error.set(null);
    try {
      this.pay.set(await firstValueFrom(this.api.setLevel(teamId, this.agentId(), value === '' ? null : (value as PayLevel))));
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.saving.set(false);
    }
  }

  async addSalary(): Promise<void> {
    const teamId = this.teams.teamId();
    if (!teamId) return;
    const currency = this.currency().trim().toUpperCase();
    const amountMinor = parseAmountInput(this.amountText(), currency);
    if (amountMinor === null) {
      this.fields.set({ amountMinor: 'Enter an amount such as 33000 or 1350.50 (no more decimals than the currency has).' });
      return;
    }
    this.fields.set({});
    this.error.set(null);
    this.saving.set(true);
    try {
      await firstValueFrom(this.api.addSalary(teamId, this.agentId(), { amountMinor, currency, period: this.period(), effectiveFrom: this.effectiveFrom(), ...(this.comment().trim() ? { comment: this.comment().trim() } : {}) }));
      this.amountText.set('');
      this.comment.set('');
      await this.load();
    } catch (failure) {
      const apiError = toApiError(failure);
      this.error.set(apiError.message);
      this.fields.set(Object.fromEntries((apiError.fields ?? []).map((f) => [f.field, f.message])));
    } finally {
      this.saving.set(false);
    }
  }

  amount(minor: number | null, currency: string): string {
    return formatAmount(minor, currency);
  }

  tone(flag: PayFlag): string {
    return FLAG_TONE[flag];
  }
}
