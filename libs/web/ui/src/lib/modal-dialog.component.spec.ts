import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { ModalDialogComponent } from './modal-dialog.component';

@Component({
  imports: [ModalDialogComponent],
  template: `
    <sd-modal-dialog [open]="open()" labelledBy="t" testId="shell" width="720px" [busy]="busy()" (dismissed)="dismissals = dismissals + 1">
      <h2 id="t">Import</h2>
    </sd-modal-dialog>
  `,
})
class Host {
  readonly open = signal(false);
  readonly busy = signal(false);
  dismissals = 0;
}

describe('ModalDialogComponent', () => {
  async function setup() {
    const fixture = TestBed.createComponent(Host);
    await fixture.whenStable();
    const dialog = (fixture.nativeElement as HTMLElement).querySelector('dialog') as HTMLDialogElement;
    return { fixture, host: fixture.componentInstance, dialog };
  }

  function pressEscape(dialog: HTMLDialogElement): Event {
    const event = new Event('cancel', { cancelable: true });
    dialog.dispatchEvent(event);
    return event;
  }

  it('shows and hides the dialog as the parent sets open', async () => {
    const { fixture, host, dialog } = await setup();
    expect(dialog.hasAttribute('open')).toBe(false);
    host.open.set(true);
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(true);
    expect(dialog.getAttribute('aria-labelledby')).toBe('t');
    expect(dialog.getAttribute('data-testid')).toBe('shell');
    // jsdom's CSS parser spaces the value oddly; the browser test sees the real width.
    expect(dialog.style.width).toMatch(/^min\(720px\b.*calc\(100vw - 32px\)\)$/);
    host.open.set(false);
    await fixture.whenStable();
    expect(dialog.hasAttribute('open')).toBe(false);
  });

  it('leaves Escape to the parent, and ignores it while work is in flight', async () => {
    const { fixture, host, dialog } = await setup();
    host.open.set(true);
    await fixture.whenStable();
    const first = pressEscape(dialog);
    expect(first.defaultPrevented).toBe(true);
    expect(host.dismissals).toBe(1);
    host.busy.set(true);
    await fixture.whenStable();
    const second = pressEscape(dialog);
    expect(second.defaultPrevented).toBe(true);
    expect(host.dismissals).toBe(1);
  });
});
