import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { formatZonedTime } from '@shiftdesk/web-util';
import { NowService } from './now.service';

/** `Europe/Lisbon · 14:05 WET`: a zone with its current local time, kept up to date. */
@Component({
  selector: 'sd-zoned-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="zone-name">{{ timeZone() }}</span>@if (time()) {<span class="zone-sep" aria-hidden="true"> · </span><time class="zone-time" [attr.datetime]="iso()" [attr.aria-label]="'local time ' + time()">{{ time() }}</time>}`,
  host: { class: 'zoned-clock' },
})
export class ZonedClockComponent {
  private readonly clock = inject(NowService);
  readonly timeZone = input.required<string>();
  readonly time = computed(() => formatZonedTime(this.clock.now(), this.timeZone()));
  readonly iso = computed(() => this.clock.now().toISOString());
}
