import { ChangeDetectionStrategy, Component, effect, type ElementRef, input, output, viewChild } from '@angular/core';

/**
 * The one modal shell of the app, on the native `<dialog>`: focus is trapped, the page behind is
 * inert and Escape asks to close, for free. The parent owns `open` (its single source of truth)
 * and the content; Escape only reports `dismissed`, and not while `busy`, so a save in flight
 * decides how the dialog ends.
 */
@Component({
  selector: 'sd-modal-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <dialog
      #dialog
      class="dialog"
      [attr.aria-labelledby]="labelledBy()"
      [attr.data-testid]="testId() || null"
      [style.width]="width() ? 'min(' + width() + ', calc(100vw - 32px))' : null"
      (cancel)="onCancel($event)"
    >
      <ng-content />
    </dialog>
  `,
})
export class ModalDialogComponent {
  readonly open = input(false);
  /** Id of the heading that names the dialog for screen readers. */
  readonly labelledBy = input.required<string>();
  /** Widest the dialog grows (a CSS length); never wider than the window. The default is the app's narrow dialog. */
  readonly width = input('');
  readonly testId = input('');
  readonly busy = input(false);
  /** Escape pressed while not busy: close by setting `open` to false, or keep it open. */
  readonly dismissed = output<void>();

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

  protected onCancel(event: Event): void {
    // The browser would close the dialog behind the parent's back; the parent decides instead.
    event.preventDefault();
    if (!this.busy()) this.dismissed.emit();
  }
}
