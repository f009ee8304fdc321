import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { ModalDialogComponent } from './modal-dialog.component';

let dialogCount = 0;

/**
 * A modal question. The parent owns `open`; the dialog reports the answer through `confirmed` or
 * `cancelled` (Escape too).
 */
@Component({
  selector: 'sd-confirm-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent],
  template: `
    <sd-modal-dialog [open]="open()" [labelledBy]="titleId" [busy]="busy()" (dismissed)="cancelled.emit()">
      <h2 [id]="titleId" class="dialog-title">{{ heading() }}</h2>
      <div class="dialog-body"><ng-content /></div>
      <div class="dialog-actions">
        <button type="button" class="btn btn-ghost" (click)="cancelled.emit()" [disabled]="busy()">Cancel</button>
        <button type="button" class="btn" [class.btn-danger]="danger()" [class.btn-primary]="!danger()" (click)="confirmed.emit()" [disabled]="busy()" data-testid="confirm">
          {{ busy() ? 'Working…' : confirmLabel() }}
        </button>
      </div>
    </sd-modal-dialog>
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
}
