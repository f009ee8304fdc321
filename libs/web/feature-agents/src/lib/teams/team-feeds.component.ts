import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import type { Feed, FeedSecret } from '@shiftdesk/shared-api-contract';
import { FeedsApi } from '@shiftdesk/web-data-access';
import { FeedLinkComponent } from '@shiftdesk/web-ui';
import { runBusy } from '@shiftdesk/web-util';
import { firstValueFrom, type Observable } from 'rxjs';

type TeamFeedKind = 'team' | 'gaps';

/** The team's two feeds for managers: everyone's shifts, and the open gaps. */
@Component({
  selector: 'sd-team-feeds',
  imports: [FeedLinkComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card form-card feeds-card" aria-labelledby="feeds-title" data-testid="team-feeds">
      <h2 id="feeds-title">Calendar feeds</h2>
      <p class="muted">Subscribe to the roster and to its open gaps in any calendar app. Each address is secret and shown once; rotate it if it leaks.</p>
      @if (error()) {
        <div class="alert alert-error" role="alert" data-testid="team-feed-error">{{ error() }}</div>
      }
      <sd-feed-link title="Team shifts" hint="Every published shift, titled with the agent's name and channel; shown as free time." testId="team-feed"
        [feed]="feeds().team" [path]="paths().team" [busy]="busy()" [origin]="origin"
        (subscribe)="create('team')" (rotate)="rotate('team')" (revoke)="revoke('team')" (dismiss)="dismiss('team')" />
      <sd-feed-link title="Open gaps" hint="Times a coverage rule is not met, from the same check as the gap alerts." testId="gaps-feed"
        [feed]="feeds().gaps" [path]="paths().gaps" [busy]="busy()" [origin]="origin"
        (subscribe)="create('gaps')" (rotate)="rotate('gaps')" (revoke)="revoke('gaps')" (dismiss)="dismiss('gaps')" />
    </section>
  `,
  styles: `:host { display: block; } .feeds-card { margin-top: var(--space-5); } .feeds-card h2 { margin: 0 0 var(--space-2); }`,
})
export class TeamFeedsComponent {
  private readonly api = inject(FeedsApi);
  readonly teamId = input.required<string>();

  protected readonly origin = globalThis.location?.origin ?? 'http://localhost';
  protected readonly feeds = signal<Record<TeamFeedKind, Feed | null>>({ team: null, gaps: null });
  protected readonly paths = signal<Record<TeamFeedKind, string | null>>({ team: null, gaps: null });
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => void this.load(teamId));
    });
  }

  protected create(kind: TeamFeedKind): Promise<void> {
    return this.issue(kind, this.api.create({ kind, teamId: this.teamId() }));
  }

  protected rotate(kind: TeamFeedKind): Promise<void> {
    const feed = this.feeds()[kind];
    return feed ? this.issue(kind, this.api.rotate(feed.id)) : Promise.resolve();
  }

  protected revoke(kind: TeamFeedKind): Promise<void> {
    const feed = this.feeds()[kind];
    if (!feed) return Promise.resolve();
    return this.run(async () => {
      await firstValueFrom(this.api.revoke(feed.id), { defaultValue: undefined });
      this.feeds.update((all) => ({ ...all, [kind]: null }));
      this.dismiss(kind);
    });
  }

  protected dismiss(kind: TeamFeedKind): void {
    this.paths.update((all) => ({ ...all, [kind]: null }));
  }

  private load(teamId: string): Promise<void> {
    return this.run(async () => {
      const list = await firstValueFrom(this.api.list({ teamId }));
      this.feeds.set({ team: list.find((feed) => feed.kind === 'team') ?? null, gaps: list.find((feed) => feed.kind === 'gaps') ?? null });
    });
  }

  private issue(kind: TeamFeedKind, request: Observable<FeedSecret>): Promise<void> {
    return this.run(async () => {
      const secret = await firstValueFrom(request);
      this.feeds.update((all) => ({ ...all, [kind]: secret.feed }));
      this.paths.update((all) => ({ ...all, [kind]: secret.path }));
    });
  }

  private run(work: () => Promise<void>): Promise<void> {
    return runBusy({ busy: this.busy, error: this.error }, work);
  }
}
