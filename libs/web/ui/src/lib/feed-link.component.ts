import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { DomSanitizer } from '@angular/platform-browser';
import type { Feed } from '@shiftdesk/shared-api-contract';

/** The two ways to subscribe to a feed path: calendar apps open `webcal://`, others take `https://`. */
export function feedUrls(path: string, origin: string): { https: string; webcal: string } {
  const https = new URL(path, origin).toString();
  return { https, webcal: https.replace(/^https?:/, 'webcal:') };
}

/**
 * One calendar feed, presentational: a Subscribe button when there is none; the URL (webcal://
 * and https://, each with a copy button) only right after it was created or rotated, because the
 * server never shows the token again; rotate and revoke otherwise. The container does the calls.
 */
@Component({
  selector: 'sd-feed-link',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="feed-link" [attr.data-testid]="testId()">
      <div class="feed-head">
        <div>
          <p class="feed-title">{{ title() }}</p>
          <p class="field-hint">{{ hint() }}</p>
        </div>
        @if (!feed()) {
          <button type="button" class="btn btn-primary" [disabled]="busy()" (click)="subscribe.emit()" data-testid="feed-create">Subscribe</button>
        }
      </div>
      @if (urls(); as shown) {
        <div class="secret-panel" role="region" aria-label="Calendar address" data-testid="feed-url">
          <p class="secret-title">Your calendar address — copy it now</p>
          <p class="secret-warning">It is shown only once. Anyone with it can read this calendar; rotate it if it leaks.</p>
          <div class="secret-row">
            <a class="btn btn-primary" [href]="webcalLink()" data-testid="feed-open">Open in calendar app</a>
          </div>
          @for (form of forms(); track form.label) {
            <label class="field-hint" [attr.for]="testId() + '-' + form.label">{{ form.label }}</label>
            <div class="secret-row">
              <input #field class="secret-value" type="text" readonly [id]="testId() + '-' + form.label" [value]="form.value" [attr.data-testid]="'feed-' + form.label" (focus)="field.select()" />
              <button type="button" class="btn btn-ghost" (click)="copy(form.value, field)" [attr.data-testid]="'copy-' + form.label">{{ copied() === form.label ? 'Copied' : 'Copy' }}</button>
            </div>
          }
          <button type="button" class="btn btn-ghost btn-small" (click)="dismiss.emit()" data-testid="feed-dismiss">I have copied it — hide</button>
        </div>
      }
      @if (feed(); as current) {
        <p class="field-hint" data-testid="feed-status">
          Active · address ending …{{ current.tokenHint }} · {{ current.pastDays }} days back, {{ current.futureDays }} days ahead · shown as
          {{ current.transparency === 'opaque' ? 'busy' : 'free' }}
        </p>
        <div class="feed-actions">
          <button type="button" class="btn btn-ghost btn-small" [disabled]="busy()" (click)="rotate.emit()" data-testid="feed-rotate">New address (rotate)</button>
          <button type="button" class="btn btn-ghost btn-small btn-danger-text" [disabled]="busy()" (click)="revoke.emit()" data-testid="feed-revoke">Revoke</button>
        </div>
      }
    </div>
  `,
  styles: `
    :host { display: block; }
    .feed-link { padding: var(--space-3) 0; border-top: 1px solid var(--border); }
    .feed-head { display: flex; align-items: flex-start; justify-content: space-between; gap: var(--space-3); }
    .feed-title { margin: 0; font-weight: 600; }
    .feed-actions { display: flex; gap: var(--space-2); }
    .secret-panel { margin: var(--space-3) 0; padding: var(--space-4); border: 1px solid #f0d79a; border-left: 4px solid var(--warning); border-radius: var(--radius-small); background: var(--warning-soft); }
    .secret-title { margin: 0; font-weight: 700; }
    .secret-warning { margin: 4px 0 var(--space-3); color: var(--warning); font-weight: 600; font-size: 0.9rem; }
    .secret-row { display: flex; gap: var(--space-2); margin-bottom: var(--space-2); }
    .secret-value { flex: 1; min-width: 0; font-family: var(--mono); font-size: 0.85rem; background: var(--surface); }
  `,
})
export class FeedLinkComponent {
  readonly title = input.required<string>();
  readonly hint = input('');
  readonly testId = input('feed');
  readonly feed = input<Feed | null>(null);
  /** The path from the create/rotate answer, until dismissed; null otherwise. */
  readonly path = input<string | null>(null);
  readonly busy = input(false);
  /** The site's origin (the API serves feeds on it); a parameter so tests need no window. */
  readonly origin = input.required<string>();

  readonly subscribe = output<void>();
  readonly rotate = output<void>();
  readonly revoke = output<void>();
  readonly dismiss = output<void>();

  protected readonly copied = signal<string | null>(null);
  protected readonly urls = computed(() => {
    const path = this.path();
    return path ? feedUrls(path, this.origin()) : null;
  });
  private readonly sanitizer = inject(DomSanitizer);
  /**
   * Angular's URL sanitizer does not know webcal: and would write `unsafe:webcal://…`. This
   * address is built from our own origin and the path the API returned, so it is trusted.
   */
  protected readonly webcalLink = computed(() => {
    const urls = this.urls();
    return urls ? this.sanitizer.bypassSecurityTrustUrl(urls.webcal) : null;
  });
  protected readonly forms = computed(() => {
    const urls = this.urls();
    return urls ? [{ label: 'webcal', value: urls.webcal }, { label: 'https', value: urls.https }] : [];
  });

  protected async copy(value: string, field: HTMLInputElement): Promise<void> {
    try {
      await navigator.clipboard.writeText(value);
    } catch {
      // No clipboard permission (plain http, an old browser): select it for Ctrl+C instead.
      field.select();
      document.execCommand?.('copy');
    }
    this.copied.set(field.id.endsWith('webcal') ? 'webcal' : 'https');
  }
}
