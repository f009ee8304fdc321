/**
 * Test helpers for the web specs (`@shiftdesk/web-util/testing`; lint keeps it out of app code).
 */

interface Settleable {
  whenStable(): Promise<unknown>;
  detectChanges?(): void;
}

/**
 * Lets a zoneless component finish what a flushed response started: each round yields a
 * macrotask (HttpClient delivers a flushed response on one; an `await firstValueFrom` then
 * resumes) and waits for the fixture to be stable, since one answer often starts the next
 * request. Then renders, so the DOM shows the final state. Four rounds cover the deepest chain
 * in these specs (answer → store → effect → second request).
 */
export async function settle(fixture: Settleable, rounds = 4): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    await fixture.whenStable();
  }
  fixture.detectChanges?.();
}
