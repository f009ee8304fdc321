import { DestroyRef, inject, Injectable, signal } from '@angular/core';

/**
 * The current instant as a signal, refreshed every 15 s, for clocks that show an agent's local
 * time. One timer for the whole app; components read `now()` and re-render on their own.
 */
@Injectable({ providedIn: 'root' })
export class NowService {
  private readonly state = signal(new Date());
  readonly now = this.state.asReadonly();

  constructor() {
    const timer = setInterval(() => this.state.set(new Date()), 15_000);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }
}
