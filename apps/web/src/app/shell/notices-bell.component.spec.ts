import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { NOTICE_POLL_MS, NoticesBellComponent } from './notices-bell.component';
import { settle } from '@shiftdesk/web-util/testing';

const notice = (id: string, readAt: string | null = null) => ({ id, requestId: `req-${id}`, message: `Notice ${id}`, createdAt: new Date().toISOString(), readAt });

describe('NoticesBellComponent', () => {
  let http: HttpTestingController;

  afterEach(() => http.verify());

  it('shows the unread count, lists notices linking to their request, marks all read and polls', async () => {
    TestBed.configureTestingModule({ imports: [NoticesBellComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
    const setInterval = jest.spyOn(globalThis, 'setInterval');
    const fixture = TestBed.createComponent(NoticesBellComponent);
    const el = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    expect(setInterval).toHaveBeenCalledWith(expect.any(Function), NOTICE_POLL_MS);
    http.expectOne('/api/me/notices').flush({ items: [notice('a'), notice('b', '2026-11-23T10:00:00.000Z')], unread: 1 });
    await settle(fixture);
    const bell = el.querySelector('[data-testid="notices-bell"]') as HTMLButtonElement;
    expect(el.querySelector('[data-testid="notices-unread"]')?.textContent?.trim()).toBe('1');
    expect(bell.getAttribute('aria-label')).toBe('Notices, 1 unread');
    expect(bell.getAttribute('aria-expanded')).toBe('false');

    bell.click();
    fixture.detectChanges();
    http.expectOne('/api/me/notices').flush({ items: [notice('a'), notice('b', '2026-11-23T10:00:00.000Z')], unread: 1 });
    await settle(fixture);
    const items = el.querySelectorAll('[data-testid="notice-item"]');
    expect(items).toHaveLength(2);
    expect(items[0]?.classList.contains('unread')).toBe(true);
    expect(items[0]?.querySelector('a')?.getAttribute('href')).toBe('/requests/req-a');

    (el.querySelector('[data-testid="notices-mark-all"]') as HTMLButtonElement).click();
    const read = http.expectOne('/api/me/notices/read');
    expect(read.request.body).toEqual({});
    read.flush({ items: [notice('a', 'now'), notice('b', 'now')], unread: 0 });
    await settle(fixture);
    expect(el.querySelector('[data-testid="notices-unread"]')).toBeNull();
    expect(bell.getAttribute('aria-label')).toBe('Notices');

    // Escape closes the panel and gives focus back to the bell.
    el.querySelector('[data-testid="notices-panel"]')?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    fixture.detectChanges();
    expect(el.querySelector('[data-testid="notices-panel"]')).toBeNull();
    expect(document.activeElement).toBe(bell);
    fixture.destroy();
    setInterval.mockRestore();
  });
});
