import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The footer of a two-step import: Cancel, then Check (the form's submit: the API's dry run),
 * then, once a check has answered, Import (the same request for real). Check stays available as
 * the secondary action, so an edit can be checked again; while either runs, nothing else can.
 * Lives inside the parent's `<form>`, whose submit is the check.
 */
@Component({
  selector: 'sd-dry-run-actions',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dialog-actions">
      <button type="button" class="btn btn-ghost" (click)="cancelled.emit()" [disabled]="busy()">Cancel</button>
      <button type="submit" class="btn" [class.btn-primary]="!importLabel()" [class.btn-ghost]="!!importLabel()" [disabled]="busy() || !ready()" [attr.data-testid]="checkTestId()">
        {{ busy() && !importing() ? checkingLabel() : checkLabel() }}
      </button>
      @if (importLabel(); as label) {
        <button type="button" class="btn btn-primary" (click)="imported.emit()" [disabled]="busy()" [attr.data-testid]="importTestId()">
          {{ importing() ? 'Importing…' : label }}
        </button>
      }
    </div>
  `,
})
export class DryRunActionsComponent {
  /** A check or an import is running. */
  readonly busy = input(false);
  /** The running request is the import. */
  readonly importing = input(false);
  /** The form holds something to check. */
  readonly ready = input(false);
  readonly checkLabel = input('Check');
  readonly checkingLabel = input('Checking…');
  /** The import button's text (`Import 3 agents`) once a check has answered; empty before. */
  readonly importLabel = input('');
  readonly checkTestId = input('');
  readonly importTestId = input('');
  readonly cancelled = output<void>();
  readonly imported = output<void>();
}
