import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ConfirmDialogComponent } from './confirm-dialog.component';

@Component({
  imports: [ConfirmDialogComponent],
  template: `
    <sd-confirm-dialog heading="Remove the webhook?" [open]="true" />
    <sd-confirm-dialog heading="Remove Pavel as a manager?" [open]="true" />
  `,
})
class TwoDialogsHost {}

describe('ConfirmDialogComponent', () => {
  it('names each dialog by its own heading when a page has two', async () => {
    const fixture = TestBed.createComponent(TwoDialogsHost);
    await fixture.whenStable();
    const el: HTMLElement = fixture.nativeElement;
    const names = Array.from(el.querySelectorAll('dialog')).map((dialog) => {
      const id = dialog.getAttribute('aria-labelledby') ?? '';
      return el.querySelector(`[id="${id}"]`)?.textContent?.trim();
    });
    expect(names).toEqual(['Remove the webhook?', 'Remove Pavel as a manager?']);
  });
});
