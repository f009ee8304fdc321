import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import type { CalendarImport, UnavailabilitySpan } from '@shiftdesk/shared-api-contract';
import { CalendarImportsApi } from '@shiftdesk/web-data-access';
import { BadgeComponent, NowService } from '@shiftdesk/web-ui';
import { formatZonedDateTime, runBusy } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

const DAY_MS = 86_400_000;
/** The busy spans listed under the imports: the next two weeks. */
const PREVIEW_DAYS = 14;

/**
 * An agent's imported calendars (managers): attach an iCal address or upload an .ics file as
 * unavailability, see each import's last status and error, fetch it again or remove it, and the
 * busy times of the next two weeks in the agent's zone.
 */
@Component({
  selector: 'sd-agent-imports',
  imports: [BadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card form-card imports-card" aria-labelledby="imports-title" data-testid="agent-imports">
      <h2 id="imports-title">Unavailability from calendars</h2>
      <p class="muted">Attach the agent's personal calendar or a public-holiday calendar. Its busy events keep the agent out of the gap candidates. Addresses are fetched again every few hours.</p>
      @if (error()) {
        <div class="alert alert-error" role="alert" data-testid="import-error">{{ error() }}</div>
      }
      <form class="import-form" (submit)="onSubmit($event)" novalidate>
        <div class="field">
          <label for="import-url">iCal address</label>
          <input id="import-url" type="url" inputmode="url" autocomplete="off" spellcheck="false" placeholder="https://calendar.example.com/…/basic.ics"
            [value]="url()" (input)="url.set($any($event.target).value)" data-testid="import-url" />
          <p class="field-hint">Or upload a file: <input type="file" accept=".ics,text/calendar" (change)="onFile($event)" data-testid="import-file" /></p>
        </div>
        <div class="field">
          <label for="import-label">Name <span class="optional">(optional)</span></label>
          <input id="import-label" type="text" maxlength="120" [value]="label()" (input)="label.set($any($event.target).value)" />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" [disabled]="busy() || (!url().trim() && !file())" data-testid="import-add">{{ busy() ? 'Reading…' : 'Attach calendar' }}</button>
        </div>
      </form>

      <ul class="plain-list" data-testid="import-list">
        @for (item of imports(); track item.id) {
          <li class="list-row import-row">
            <div>
              <strong>{{ item.label }}</strong>
              @if (item.lastStatus === 'failed') {
                <sd-badge tone="warning">Last read failed</sd-badge>
              } @else {
                <sd-badge tone="success">OK</sd-badge>
              }
              <p class="field-hint">
                {{ item.url ?? 'Uploaded file' }} · {{ item.spanCount }} busy times · last read {{ when(item.lastFetchedAt) }}
                @if (item.lastStatus === 'failed') { · last good read {{ when(item.lastSucceededAt) }} }
              </p>
              @if (item.lastError) {
                <p class="field-error" data-testid="import-last-error">{{ item.lastError }}</p>
              }
            </div>
            <div class="import-actions">
              @if (item.url) {
                <button type="button" class="btn btn-ghost btn-small" [disabled]="busy()" (click)="refresh(item)">Fetch now</button>
              }
              <button type="button" class="btn btn-ghost btn-small btn-danger-text" [disabled]="busy()" (click)="remove(item)">Remove</button>
            </div>
          </li>
        } @empty {
          <li class="subtle">No calendars attached.</li>
        }
      </ul>

      @if (spans().length > 0) {
        <h3>Busy in the next {{ previewDays }} days ({{ zone() }})</h3>
        <ul class="plain-list" data-testid="unavailability-list">
          @for (span of spans(); track span.id) {
            <li class="list-row"><span>{{ span.summary }}</span> <span class="subtle">{{ when(span.start) }} – {{ when(span.end) }}</span></li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    :host { display: block; }
    .imports-card { margin-top: var(--space-5); }
    .imports-card h2 { margin: 0 0 var(--space-2); }
    .import-row { align-items: flex-start; justify-content: space-between; gap: var(--space-3); }
    .import-actions { display: flex; gap: var(--space-2); }
    sd-badge { margin-left: 6px; }
  `,
})
export class AgentImportsComponent {
  private readonly api = inject(CalendarImportsApi);
  private readonly clock = inject(NowService);
  readonly agentId = input.required<string>();
  /** The agent's zone: busy times are shown in it. */
  readonly zone = input.required<string>();

  protected readonly previewDays = PREVIEW_DAYS;
  protected readonly imports = signal<CalendarImport[]>([]);
  protected readonly spans = signal<UnavailabilitySpan[]>([]);
  protected readonly url = signal('');
  protected readonly label = signal('');
  protected readonly file = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      const agentId = this.agentId();
      untracked(() => void this.run(() => this.load(agentId)));
    });
  }

  protected when(iso: string | null): string {
    return iso ? formatZonedDateTime(new Date(iso), this.zone()) : '—';
  }

  protected async onFile(event: Event): Promise<void> {
    const picked = (event.target as HTMLInputElement).files?.[0];
    this.file.set(picked ? await picked.text() : null);
  }

  protected onSubmit(event: Event): void {
    event.preventDefault();
    const url = this.url().trim();
    const ics = this.file();
    const label = this.label().trim() || undefined;
    void this.run(async () => {
      await firstValueFrom(this.api.create(this.agentId(), url ? { url, label } : { ics: ics ?? '', label }));
      this.url.set('');
      this.label.set('');
      this.file.set(null);
      await this.load(this.agentId());
    });
  }

  protected refresh(item: CalendarImport): Promise<void> {
    // A failed read answers 400 and is recorded on the import: reload either way.
    return this.run(() => firstValueFrom(this.api.refresh(this.agentId(), item.id)).then(() => this.load(this.agentId()), (failure: unknown) => this.load(this.agentId()).then(() => Promise.reject(failure))));
  }

  protected remove(item: CalendarImport): Promise<void> {
    return this.run(async () => {
      await firstValueFrom(this.api.remove(this.agentId(), item.id), { defaultValue: undefined });
      await this.load(this.agentId());
    });
  }

  private async load(agentId: string): Promise<void> {
    const now = this.clock.now().getTime();
    const [imports, unavailability] = await Promise.all([
      firstValueFrom(this.api.list(agentId)),
      firstValueFrom(this.api.unavailability(agentId, { from: new Date(now).toISOString(), to: new Date(now + PREVIEW_DAYS * DAY_MS).toISOString() })),
    ]);
    this.imports.set(imports);
    this.spans.set(unavailability.spans);
  }

  private run(work: () => Promise<void>): Promise<void> {
    return runBusy({ busy: this.busy, error: this.error }, work);
  }
}
