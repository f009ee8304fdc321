import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { formatZonedTime } from '@shiftdesk/web-util';
import { NowService } from './now.service';

/** `Europe/Lisbon · 14:05 WET`: a zone with its current local time, kept up to date. */
@Component({
  selector: 'sd-zoned-clock',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="zone-name">{{ timeZone() }}</span>@if (time()) {<span class="zone-sep" aria-hidden="true"> · </span><time class="zone-time" [attr.datetime]="iso()" [attr.aria-label]="'local time ' + time()">{{ time() }}</time>}`,
  host: { class: 'zoned-clock', '[class.zoned-clock-stacked]': 'stacked()' },
})
export class ZonedClockComponent {
  private readonly clock = inject(NowService);
  readonly timeZone = input.required<string>();
  /** Time on its own line under the zone (narrow table cells); the text stays "zone · time". */
  readonly stacked = input(false);
  readonly time = computed(() => formatZonedTime(this.clock.now(), this.timeZone()));
  readonly iso = computed(() => this.clock.now().toISOString());
}
