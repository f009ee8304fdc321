import { Injectable, signal } from '@angular/core';

/** Carries "team saved" from the form back to the list (both live under the teams route). */
@Injectable()
export class TeamsNoticeStore {
  readonly message = signal('');
}
