import { ChangeDetectionStrategy, Component, input } from '@angular/core';

export type BadgeTone = 'neutral' | 'success' | 'warning' | 'muted' | 'info';

@Component({
  selector: 'sd-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<ng-content />`,
  host: { '[class]': '"badge badge-" + tone()' },
})
export class BadgeComponent {
  readonly tone = input<BadgeTone>('neutral');
}
