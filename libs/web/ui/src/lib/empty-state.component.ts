import { ChangeDetectionStrategy, Component, input } from '@angular/core';

/** What a list shows when it has nothing yet: a sentence and, projected, the next step. */
@Component({
  selector: 'sd-empty-state',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="empty-state-icon" aria-hidden="true">
      <svg viewBox="0 0 24 24" width="28" height="28" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" stroke-linejoin="round">
        <circle cx="9" cy="8" r="3.2" /><path d="M3.5 19c.8-3.2 3-5 5.5-5s4.7 1.8 5.5 5" /><path d="M17 8v6M14 11h6" />
      </svg>
    </div>
    <p class="empty-state-title">{{ heading() }}</p>
    @if (hint()) {
      <p class="empty-state-hint">{{ hint() }}</p>
    }
    <ng-content />
  `,
  host: { class: 'empty-state' },
})
export class EmptyStateComponent {
  readonly heading = input.required<string>();
  readonly hint = input('');
}
