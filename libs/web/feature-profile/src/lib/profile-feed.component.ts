import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import type { Feed, FeedSecret } from '@shiftdesk/shared-api-contract';
import { FeedsApi } from '@shiftdesk/web-data-access';
import { FeedLinkComponent } from '@shiftdesk/web-ui';
import { runBusy } from '@shiftdesk/web-util';
import { firstValueFrom, type Observable } from 'rxjs';

/** The agent's own calendar feed: subscribe, see the address once, rotate or revoke it. */
@Component({
  selector: 'sd-profile-feed',
  imports: [FeedLinkComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card section-card" aria-labelledby="profile-feed">
      <h2 id="profile-feed">Shifts in your calendar</h2>
      <p class="muted">Subscribe in Google Calendar, Apple Calendar, Outlook or Thunderbird: your published shifts appear there and follow every change.</p>
      @if (error()) {
        <div class="alert alert-error" role="alert" data-testid="feed-error">{{ error() }}</div>
      }
      <sd-feed-link
        title="My shifts"
        hint="Shown as busy time; 30 days back and 180 days ahead."
        testId="my-feed"
        [feed]="feed()"
        [path]="path()"
        [busy]="busy()"
        [origin]="origin"
        (subscribe)="create()"
        (rotate)="rotate()"
        (revoke)="revoke()"
        (dismiss)="path.set(null)"
      />
    </section>
  `,
})
export class ProfileFeedComponent implements OnInit {
  private readonly api = inject(FeedsApi);
  protected readonly origin = globalThis.location?.origin ?? 'http://localhost';
  protected readonly feed = signal<Feed | null>(null);
  protected readonly path = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  ngOnInit(): void {
    void this.run(async () => this.feed.set((await firstValueFrom(this.api.list())).find((feed) => feed.kind === 'agent') ?? null));
  }

  protected create(): Promise<void> {
    return this.issue(this.api.create({ kind: 'agent' }));
  }

  protected rotate(): Promise<void> {
    const feed = this.feed();
    return feed ? this.issue(this.api.rotate(feed.id)) : Promise.resolve();
  }

  protected revoke(): Promise<void> {
    const feed = this.feed();
    if (!feed) return Promise.resolve();
    return this.run(async () => {
      await firstValueFrom(this.api.revoke(feed.id), { defaultValue: undefined });
      this.feed.set(null);
      this.path.set(null);
    });
  }

  private issue(request: Observable<FeedSecret>): Promise<void> {
    return this.run(async () => {
      const secret = await firstValueFrom(request);
      this.feed.set(secret.feed);
      this.path.set(secret.path);
    });
  }

  private run(work: () => Promise<void>): Promise<void> {
    return runBusy({ busy: this.busy, error: this.error }, work);
  }
}
