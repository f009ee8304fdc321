import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { WEBHOOK_DELIVERY_STATUSES, type TeamSettings, type WebhookDeliveryStatus, type WebhookDeliveriesResponse } from '@shiftdesk/shared-api-contract';
import { TeamsApi } from '@shiftdesk/web-data-access';
import { BadgeComponent, type BadgeTone, ConfirmDialogComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { countPages, describePageRange, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { DELIVERY_STATUS_LABELS, describeDelivery, describeSaved, planWebhookChange, placeWebhookError, checkWebhookUrl } from './webhook-settings';

const PAGE_SIZE = 20;
const STATUS_TONES: Readonly<Record<WebhookDeliveryStatus, BadgeTone>> = { delivered: 'success', pending: 'warning', failed: 'neutral' };

/**
 * The team's webhook (managers): the URL, the signing secret shown once when it is generated
 * (first URL or rotation), and the delivery log with its retries, times in the team's zone.
 */
@Component({
  selector: 'sd-team-webhook',
  imports: [BadgeComponent, ConfirmDialogComponent, SpinnerComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-webhook.component.html',
  styleUrl: './team-webhook.component.css',
})
export class TeamWebhookComponent {
  private readonly api = inject(TeamsApi);
  private readonly clock = inject(NowService);

  readonly teamId = input.required<string>();
  /** The team's zone: every time in the log is shown in it. */
  readonly zone = input.required<string>();

  protected readonly statuses = WEBHOOK_DELIVERY_STATUSES;
  protected readonly statusLabels = DELIVERY_STATUS_LABELS;
  protected readonly statusTones = STATUS_TONES;

  protected readonly settings = signal<TeamSettings | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadError = signal('');
  protected readonly url = signal('');
  protected readonly touched = signal(false);
  protected readonly serverUrlError = signal('');
  protected readonly formError = signal('');
  protected readonly notice = signal('');
  protected readonly saving = signal(false);
  /** The signing secret from the answer that generated it: shown until dismissed, never fetched again. */
  protected readonly secret = signal<string | null>(null);
  protected readonly copied = signal(false);
  protected readonly confirming = signal<'rotate' | 'remove' | null>(null);

  protected readonly urlError = computed(() => this.serverUrlError() || (this.touched() ? (checkWebhookUrl(this.url()) ?? '') : ''));
  protected readonly dirty = computed(() => planWebhookChange(this.url(), this.settings()?.webhookUrl ?? null).kind !== 'unchanged');

  protected readonly deliveries = signal<WebhookDeliveriesResponse | null>(null);
  protected readonly deliveriesLoading = signal(false);
  protected readonly deliveriesError = signal('');
  protected readonly page = signal(1);
  protected readonly statusFilter = signal<WebhookDeliveryStatus | ''>('');
  protected readonly rows = computed(() => {
    const now = this.clock.now().getTime();
    return (this.deliveries()?.items ?? []).map((delivery) => describeDelivery({ delivery, zone: this.zone(), now }));
  });
  protected readonly pageCount = computed(() => countPages(PAGE_SIZE, this.deliveries()?.total ?? 0));
  protected readonly range = computed(() => describePageRange(this.page(), PAGE_SIZE, this.deliveries()?.total ?? 0));
  private deliveriesRequest = 0;

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => void this.loadSettings(teamId));
    });
    effect(() => {
      const teamId = this.teamId();
      const page = this.page();
      const status = this.statusFilter();
      untracked(() => void this.loadDeliveries(teamId, page, status));
    });
  }

  protected onUrlInput(value: string): void {
    this.url.set(value);
    this.serverUrlError.set('');
    this.formError.set('');
  }

  /** A plain form (no forms module): the page must not navigate. */
  protected onSubmit(event: Event): void {
    event.preventDefault();
    void this.save();
  }

  async save(): Promise<void> {
    this.touched.set(true);
    const current = this.settings();
    if (!current || this.saving()) return;
    const change = planWebhookChange(this.url(), current.webhookUrl);
    if (change.kind === 'unchanged' || change.kind === 'invalid') return;
    if (change.kind === 'remove') {
      this.confirming.set('remove');
      return;
    }
    await this.send(change.request);
  }

  protected async confirm(): Promise<void> {
    const action = this.confirming();
    if (action === 'remove') await this.send({ webhookUrl: null });
    if (action === 'rotate') await this.send({ rotateWebhookSecret: true });
    this.confirming.set(null);
  }

  protected cancelConfirm(): void {
    if (this.confirming() === 'remove') this.url.set(this.settings()?.webhookUrl ?? '');
    this.confirming.set(null);
  }

  protected async copySecret(input: HTMLInputElement): Promise<void> {
    const secret = this.secret();
    if (!secret) return;
    try {
      await navigator.clipboard.writeText(secret);
    } catch {
      // No clipboard permission (plain http, an old browser): select it for Ctrl+C instead.
      input.select();
      document.execCommand?.('copy');
    }
    this.copied.set(true);
  }

  protected dismissSecret(): void {
    this.secret.set(null);
    this.copied.set(false);
  }

  protected setStatusFilter(value: string): void {
    this.statusFilter.set(value as WebhookDeliveryStatus | '');
    this.page.set(1);
  }

  protected refresh(): void {
    void this.loadDeliveries(this.teamId(), this.page(), this.statusFilter());
  }

  protected goToPage(page: number): void {
    this.page.set(Math.min(Math.max(1, page), this.pageCount()));
  }

  private async send(request: Parameters<TeamsApi['updateSettings']>[1]): Promise<void> {
    const previous = this.settings();
    if (!previous) return;
    this.saving.set(true);
    this.formError.set('');
    this.serverUrlError.set('');
    this.notice.set('');
    try {
      const answer = await firstValueFrom(this.api.updateSettings(this.teamId(), request));
      const { message, secret } = describeSaved(previous, answer);
      const { webhookSecret: _shownOnce, ...stored } = answer;
      this.settings.set(stored);
      this.url.set(stored.webhookUrl ?? '');
      this.touched.set(false);
      this.notice.set(message);
      this.secret.set(secret);
      this.copied.set(false);
    } catch (failure) {
      const error = placeWebhookError(toApiError(failure));
      this.serverUrlError.set(error.field ?? '');
      this.formError.set(error.form);
    } finally {
      this.saving.set(false);
    }
  }

  private async loadSettings(teamId: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set('');
    try {
      const settings = await firstValueFrom(this.api.settings(teamId));
      this.settings.set(settings);
      this.url.set(settings.webhookUrl ?? '');
    } catch (failure) {
      this.loadError.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }

  private async loadDeliveries(teamId: string, page: number, status: WebhookDeliveryStatus | ''): Promise<void> {
    const request = ++this.deliveriesRequest;
    this.deliveriesLoading.set(true);
    this.deliveriesError.set('');
    try {
      const answer = await firstValueFrom(this.api.webhookDeliveries(teamId, { page, pageSize: PAGE_SIZE, ...(status ? { status } : {}) }));
      if (request === this.deliveriesRequest) this.deliveries.set(answer);
    } catch (failure) {
      if (request === this.deliveriesRequest) this.deliveriesError.set(toApiError(failure).message);
    } finally {
      if (request === this.deliveriesRequest) this.deliveriesLoading.set(false);
    }
  }
}
