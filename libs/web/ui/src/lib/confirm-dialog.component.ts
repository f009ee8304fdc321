import { ChangeDetectionStrategy, Component, effect, type ElementRef, input, output, viewChild } from '@angular/core';

let dialogCount = 0;

/**
 * A modal question built on the native `<dialog>`: focus is trapped and Escape cancels for free.
 * The parent owns `open`; the dialog reports the answer through `confirmed` or `cancelled`.
 */
@Component({
  selector: 'sd-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog #dialog class="dialog" [attr.aria-labelledby]="titleId" (cancel)="onCancel($event)">
      <h2 [id]="titleId" class="dialog-title">{{ heading() }}</h2>
      <div class="dialog-body"><ng-content /></div>
      <div class="dialog-actions">
        <button type="button" class="btn btn-ghost" (click)="cancelled.emit()" [disabled]="busy()">Cancel</button>
        <button type="button" class="btn" [class.btn-danger]="danger()" [class.btn-primary]="!danger()" (click)="confirmed.emit()" [disabled]="busy()" data-testid="confirm">
          {{ busy() ? 'Working…' : confirmLabel() }}
        </button>
      </div>
    </dialog>
  `,
})
export class ConfirmDialogComponent {
  /** Unique per instance: a page with two dialogs (a team's webhook and managers) names each by its own heading. */
  readonly titleId = `confirm-dialog-title-${++dialogCount}`;
  readonly open = input(false);
  readonly heading = input.required<string>();
  readonly confirmLabel = input('Confirm');
  readonly danger = input(false);
  readonly busy = input(false);
  readonly confirmed = output<void>();
  readonly cancelled = output<void>();

  private readonly dialog = viewChild.required<ElementRef<HTMLDialogElement>>('dialog');

  constructor() {
    effect(() => {
      const element = this.dialog().nativeElement;
      // jsdom has no showModal; the attribute keeps the dialog visible there.
      if (this.open() && !element.open) {
        if (typeof element.showModal === 'function') element.showModal();
        else element.setAttribute('open', '');
      } else if (!this.open() && element.open) {
        if (typeof element.close === 'function') element.close();
        else element.removeAttribute('open');
      }
    });
  }

  onCancel(event: Event): void {
    // Escape: the parent decides, so the `open` input stays the single source of truth.
    event.preventDefault();
    if (!this.busy()) this.cancelled.emit();
  }
}
