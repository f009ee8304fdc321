import { ChangeDetectionStrategy, Component, computed, inject, input, output, signal } from '@angular/core';
import { PASSWORD_MIN_LENGTH, type Agent } from '@shiftdesk/shared-api-contract';
import { AgentsApi } from '@shiftdesk/web-data-access';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';

/**
 * An agent's sign-in (managers): give an agent added without a login one, or reset a forgotten
 * password. The API ends the agent's sessions and lifts a sign-in lock-out.
 */
@Component({
  selector: 'sd-agent-login',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card form-card login-card-section" aria-labelledby="agent-login-title" data-testid="agent-login">
      <h2 id="agent-login-title">Sign-in</h2>
      <p class="muted" data-testid="agent-login-state">
        @if (archived()) {
          {{ agent().displayName }} was archived and can no longer sign in.
        } @else if (temporaryUntil(); as until) {
          {{ agent().displayName }} has a temporary password until {{ until }} and has not signed in to choose their own yet. Lost it? Set a new password here: it lasts, and they sign in with it.
        } @else if (agent().hasLogin) {
          {{ agent().displayName }} signs in with {{ agent().email }}. Set a new password when they have forgotten theirs: they are signed out everywhere.
        } @else {
          {{ agent().displayName }} has no login yet. Set a password to give them one; they sign in with {{ agent().email }}.
        }
      </p>
      <div aria-live="polite">
        @if (notice()) {
          <div class="alert alert-success" role="status" data-testid="agent-login-notice">{{ notice() }}</div>
        }
      </div>
      @if (!archived()) {
        <form (submit)="onSubmit($event)" novalidate>
          <div class="field">
            <label for="agent-new-password">{{ agent().hasLogin ? 'New password' : 'Password' }}</label>
            <input id="agent-new-password" type="password" autocomplete="new-password" [value]="password()" (input)="typed($any($event.target).value)"
              [attr.aria-invalid]="!!error()" [attr.aria-describedby]="error() ? 'agent-new-password-error' : 'agent-new-password-hint'" data-testid="agent-new-password" />
            @if (error()) {
              <p class="field-error" id="agent-new-password-error" data-testid="agent-login-error">{{ error() }}</p>
            } @else {
              <p class="field-hint" id="agent-new-password-hint">At least {{ minLength }} characters. Tell the agent in person or by phone, not by email.</p>
            }
          </div>
          <div class="form-actions">
            <button type="submit" class="btn" [disabled]="busy()" data-testid="agent-set-password">
              {{ busy() ? 'Saving…' : agent().hasLogin ? 'Set new password' : 'Give a login' }}
            </button>
          </div>
        </form>
      }
    </section>
  `,
  styles: `
    .login-card-section { margin-top: var(--space-5); }
    .login-card-section h2 { margin: 0 0 var(--space-2); }
    .login-card-section .field { max-width: 24rem; }
  `,
})
export class AgentLoginComponent {
  private readonly api = inject(AgentsApi);

  readonly agent = input.required<Agent>();
  /** The agent as the API answered (now with `hasLogin`). */
  readonly changed = output<Agent>();

  readonly minLength = PASSWORD_MIN_LENGTH;
  readonly password = signal('');
  readonly error = signal('');
  readonly notice = signal('');
  readonly busy = signal(false);
  readonly archived = computed(() => !!this.agent().archivedAt);
  readonly temporaryUntil = computed(() => {
    const until = this.agent().passwordExpiresAt;
    return until ? new Date(until).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';
  });

  typed(value: string): void {
    this.password.set(value);
    this.error.set('');
  }

  async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    this.notice.set('');
    const password = this.password();
    if (password.length < PASSWORD_MIN_LENGTH) {
      this.error.set(`The password needs at least ${PASSWORD_MIN_LENGTH} characters.`);
      return;
    }
    this.busy.set(true);
    const hadLogin = this.agent().hasLogin;
    try {
      const saved = await firstValueFrom(this.api.setPassword(this.agent().id, { password }));
      this.password.set('');
      this.notice.set(hadLogin ? `New password set: ${saved.displayName} was signed out everywhere and signs in with it now.` : `${saved.displayName} can now sign in with ${saved.email} and this password.`);
      this.changed.emit(saved);
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.busy.set(false);
    }
  }
}
