import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** A quiet loading indicator announced to screen readers. */
@Component({
  selector: 'sd-spinner',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<span class="spinner" aria-hidden="true"></span><span class="spinner-label">{{ label() }}</span>`,
  host: { class: 'loading', role: 'status', 'aria-live': 'polite' },
})
export class SpinnerComponent {
  readonly label = input('Loading…');
}
