import { ChangeDetectionStrategy, Component, computed, inject, type OnInit } from '@angular/core';
import { RouterLink } from '@angular/router';
import { PreferencesStore } from '@shiftdesk/web-data-access';
import { BadgeComponent, PreferencesEditorComponent, SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, languageName, LEVEL_LABELS, sortLanguages, WORK_MODE_LABELS } from '@shiftdesk/web-util';
import { ProfileFeedComponent } from './profile-feed.component';
import { ProfileStore } from './profile.store';

/** An agent's own profile: name, zone with the local time, languages, channels, team. */
@Component({
  selector: 'sd-profile',
  imports: [BadgeComponent, PreferencesEditorComponent, ProfileFeedComponent, RouterLink, SpinnerComponent, ZonedClockComponent],
  providers: [PreferencesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (store.error()) {
      <div class="alert alert-error" role="alert">
        <span>{{ store.error() }}</span>
        <button type="button" class="btn btn-ghost btn-small" (click)="store.load()">Try again</button>
      </div>
    }
    @if (store.profile(); as p) {
      <div class="page-header">
        <div>
          <h1 data-testid="profile-name">{{ p.displayName }}</h1>
          <p class="muted">{{ p.email }}</p>
        </div>
        @if (p.active) {
          <sd-badge tone="success">Active</sd-badge>
        } @else {
          <sd-badge tone="warning">Inactive</sd-badge>
        }
      </div>

      <div class="profile-grid">
        <section class="card section-card" aria-labelledby="profile-where">
          <h2 id="profile-where">Where and when</h2>
          <dl class="details">
            <dt>Time zone</dt>
            <dd data-testid="profile-zone"><sd-zoned-clock [timeZone]="p.timeZone" /></dd>
            <dt>Team</dt>
            <dd data-testid="profile-team">
              @if (store.team(); as t) {
                {{ t.name }} <span class="subtle">(plans in {{ t.timeZone }})</span>
              } @else {
                <span class="subtle">—</span>
              }
            </dd>
            <dt>Region</dt>
            <dd>{{ p.regionName ?? '—' }}</dd>
            <dt>Work mode</dt>
            <dd>{{ workModeLabels[p.workMode] }}</dd>
            <dt>Contract</dt>
            <dd>{{ p.contractHoursPerWeek }} h per week</dd>
          </dl>
        </section>

        <section class="card section-card" aria-labelledby="profile-languages">
          <h2 id="profile-languages">Languages</h2>
          <ul class="plain-list" data-testid="profile-languages">
            @for (skill of languages(); track skill.code) {
              <li class="list-row"><span>{{ languageName(skill.code) }}</span> <sd-badge [tone]="skill.level === 'native' ? 'info' : 'neutral'">{{ levelLabels[skill.level] }}</sd-badge></li>
            } @empty {
              <li class="subtle">No languages recorded.</li>
            }
          </ul>
          <h2 class="section-gap">Channels</h2>
          <p class="chips">
            @for (channel of p.channels; track channel) {
              <span class="chip chip-quiet">{{ channelLabels[channel] }}</span>
            } @empty {
              <span class="subtle">No channels recorded.</span>
            }
          </p>
        </section>
      </div>
      <sd-profile-feed />
      <sd-preferences-editor heading="When you'd like to work" [source]="preferences" [zone]="p.timeZone" />
      <p class="subtle">Something wrong here? Ask your manager to update it. Your password you change yourself, on <a routerLink="/account">your account page</a>.</p>
    } @else if (store.loading()) {
      <sd-spinner label="Loading your profile…" />
    }
  `,
})
export class ProfileComponent implements OnInit {
  readonly store = inject(ProfileStore);
  protected readonly preferences = inject(PreferencesStore);
  readonly languages = computed(() => sortLanguages(this.store.profile()?.languages ?? []));
  readonly languageName = languageName;
  readonly levelLabels = LEVEL_LABELS;
  readonly channelLabels = CHANNEL_LABELS;
  readonly workModeLabels = WORK_MODE_LABELS;

  async ngOnInit(): Promise<void> {
    await this.store.load();
    const profile = this.store.profile();
    if (profile) await this.preferences.load(profile.id);
  }
}
