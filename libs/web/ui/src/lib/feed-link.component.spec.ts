import { TestBed } from '@angular/core/testing';
import type { Feed } from '@shiftdesk/shared-api-contract';
import { FeedLinkComponent, feedUrls } from './feed-link.component';

const feed: Feed = {
  id: 'f1',
  kind: 'agent',
  teamId: 't1',
  agentId: 'a1',
  pastDays: 30,
  futureDays: 180,
  transparency: 'opaque',
  tokenHint: 'Xy_9',
  createdAt: '2026-11-23T10:00:00.000Z',
  rotatedAt: '2026-11-23T10:00:00.000Z',
};

describe('feedUrls', () => {
  it('gives the https address on the site and the same with webcal://', () => {
    expect(feedUrls('/api/feeds/abc_DEF-123.ics', 'https://shiftdesk.example.com')).toEqual({
      https: 'https://shiftdesk.example.com/api/feeds/abc_DEF-123.ics',
      webcal: 'webcal://shiftdesk.example.com/api/feeds/abc_DEF-123.ics',
    });
    expect(feedUrls('/api/feeds/t.ics', 'http://localhost:3000').webcal).toBe('webcal://localhost:3000/api/feeds/t.ics');
  });
});

describe('FeedLinkComponent', () => {
  function render(inputs: { feed: Feed | null; path: string | null }) {
    const fixture = TestBed.createComponent(FeedLinkComponent);
    fixture.componentRef.setInput('title', 'My shifts');
    fixture.componentRef.setInput('origin', 'https://desk.example.com');
    fixture.componentRef.setInput('feed', inputs.feed);
    fixture.componentRef.setInput('path', inputs.path);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  it('offers Subscribe when there is no feed, and no address', () => {
    const element = render({ feed: null, path: null });
    expect(element.querySelector('[data-testid="feed-create"]')).not.toBeNull();
    expect(element.querySelector('[data-testid="feed-url"]')).toBeNull();
    expect(element.querySelector('[data-testid="feed-revoke"]')).toBeNull();
  });

  it('shows both address forms only while the path from create/rotate is given', () => {
    const shown = render({ feed, path: '/api/feeds/tok.ics' });
    expect((shown.querySelector('[data-testid="feed-webcal"]') as HTMLInputElement).value).toBe('webcal://desk.example.com/api/feeds/tok.ics');
    expect((shown.querySelector('[data-testid="feed-https"]') as HTMLInputElement).value).toBe('https://desk.example.com/api/feeds/tok.ics');
    expect(shown.querySelector('a[data-testid="feed-open"]')?.getAttribute('href')).toBe('webcal://desk.example.com/api/feeds/tok.ics');
    const later = render({ feed, path: null });
    expect(later.querySelector('[data-testid="feed-url"]')).toBeNull();
    expect(later.querySelector('[data-testid="feed-status"]')?.textContent).toContain('…Xy_9');
    expect(later.querySelector('[data-testid="feed-rotate"]')).not.toBeNull();
  });
});
