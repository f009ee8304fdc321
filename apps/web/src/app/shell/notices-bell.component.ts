import { ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Notice } from '@shiftdesk/shared-api-contract';
import { NoticesStore } from '@shiftdesk/web-data-access-requests';

/** How often the bell asks for new notices, in ms: modest, the user's own actions refresh it too. */
export const NOTICE_POLL_MS = 60_000;

/**
 * The bell in the top bar: the unread count, and a list of the latest notices, each linking to
 * its request (opening one marks it read). Polls while the shell lives.
 */
@Component({
  selector: 'sd-notices-bell',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <button type="button" class="bell" (click)="toggle()" [attr.aria-expanded]="open()" aria-controls="notices-panel" data-testid="notices-bell"
            [attr.aria-label]="store.unread() ? 'Notices, ' + store.unread() + ' unread' : 'Notices'">
      <svg viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true">
        <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" /><path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
      </svg>
      @if (store.unread() > 0) {
        <span class="bell-count" data-testid="notices-unread" aria-hidden="true">{{ store.unread() > 99 ? '99+' : store.unread() }}</span>
      }
    </button>
    @if (open()) {
      <div id="notices-panel" class="bell-panel" role="region" aria-label="Notices" data-testid="notices-panel" (keydown.escape)="close(true)">
        <div class="bell-head">
          <strong>Notices</strong>
          <button type="button" class="btn btn-ghost btn-small" [disabled]="!store.unread()" (click)="markAll()" data-testid="notices-mark-all">Mark all read</button>
        </div>
        @if (store.error()) {
          <p class="field-error" role="alert">{{ store.error() }}</p>
        }
        <ul class="bell-list">
          @for (notice of latest(); track notice.id) {
            <li class="bell-item" [class.unread]="!notice.readAt" data-testid="notice-item">
              @if (notice.requestId) {
                <a [routerLink]="['/requests', notice.requestId]" (click)="opened(notice)">{{ notice.message }}</a>
              } @else {
                <span>{{ notice.message }}</span>
                @if (!notice.readAt) { <button type="button" class="btn btn-ghost btn-small" (click)="markOne(notice)">Mark read</button> }
              }
              <time class="bell-time" [attr.datetime]="notice.createdAt">{{ ago(notice) }}</time>
            </li>
          } @empty {
            <li class="bell-empty subtle">{{ store.loaded() ? 'No notices yet. Requests that concern you show up here.' : 'Loading…' }}</li>
          }
        </ul>
      </div>
    }
  `,
  styles: `
    :host { position: relative; display: inline-flex; }
    .bell { position: relative; display: inline-grid; place-items: center; width: 36px; height: 36px; border: 1px solid var(--border); border-radius: 50%; background: var(--surface); color: var(--text-muted); cursor: pointer; }
    .bell:hover { color: var(--text); background: var(--surface-sunken); }
    .bell-count { position: absolute; top: -4px; right: -6px; min-width: 18px; height: 18px; padding: 0 5px; border-radius: 999px; background: var(--danger); color: #fff; font-size: 11px; font-weight: 700; line-height: 18px; text-align: center; }
    .bell-panel { position: absolute; top: 44px; right: 0; z-index: 30; width: min(360px, calc(100vw - 24px)); max-height: 70vh; overflow: auto; padding: 8px 0; border: 1px solid var(--border); border-radius: var(--radius); background: var(--surface); box-shadow: var(--shadow-raised); }
    .bell-head { display: flex; align-items: center; justify-content: space-between; padding: 4px 12px 8px; border-bottom: 1px solid var(--border); }
    .bell-list { list-style: none; margin: 0; padding: 0; }
    .bell-item { display: flex; flex-direction: column; gap: 2px; padding: 8px 12px; border-bottom: 1px solid var(--border); font-size: 14px; }
    .bell-item.unread { background: var(--accent-soft); }
    .bell-item.unread a { font-weight: 600; }
    .bell-time { font-size: 12px; color: var(--text-subtle); }
    .bell-empty { padding: 12px; }
    .field-error { padding: 0 12px; }
    @media (max-width: 480px) { .bell-panel { position: fixed; top: 56px; left: 12px; right: 12px; width: auto; } }
  `,
  host: { '(document:click)': 'onDocumentClick($event)' },
})
export class NoticesBellComponent {
  protected readonly store = inject(NoticesStore);
  private readonly host = inject(ElementRef<HTMLElement>);
  protected readonly open = signal(false);
  /** The panel shows the latest twenty. */
  protected readonly latest = computed(() => this.store.items().slice(0, 20));

  constructor() {
    void this.store.refresh();
    const timer = setInterval(() => void this.store.refresh(), NOTICE_POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  protected toggle(): void {
    this.open.update((open) => !open);
    if (this.open()) void this.store.refresh();
  }

  protected close(focusBell = false): void {
    this.open.set(false);
    if (focusBell) (this.host.nativeElement as HTMLElement).querySelector<HTMLButtonElement>('.bell')?.focus();
  }

  protected onDocumentClick(event: MouseEvent): void {
    if (this.open() && !(this.host.nativeElement as HTMLElement).contains(event.target as Node)) this.open.set(false);
  }

  protected opened(notice: Notice): void {
    this.open.set(false);
    if (!notice.readAt) void this.store.markRead([notice.id]);
  }

  protected markOne(notice: Notice): void {
    void this.store.markRead([notice.id]);
  }

  protected markAll(): void {
    void this.store.markRead();
  }

  /** `5 min ago`, `3 h ago`, `2 d ago`: relative to the browser's clock (a label, not a rule). */
  protected ago(notice: Notice): string {
    const minutes = Math.max(0, Math.round((Date.now() - Date.parse(notice.createdAt)) / 60_000));
    if (minutes < 1) return 'just now';
    if (minutes < 60) return `${minutes} min ago`;
    const hours = Math.round(minutes / 60);
    return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} d ago`;
  }
}
