import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, signal } from '@angular/core';
import { Router } from '@angular/router';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, type ValidationErrors, Validators } from '@angular/forms';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@shiftdesk/shared-api-contract';
import { homePathFor, SessionStore } from '@shiftdesk/web-data-access';
import { applyServerErrors, describeValidationErrors, toApiError } from '@shiftdesk/web-util';

type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';

/** The new password typed twice the same, and not the current one again (the API refuses that too). */
function newPasswordRules(group: AbstractControl): ValidationErrors | null {
  const current = group.get('currentPassword')?.value as string;
  const next = group.get('newPassword')?.value as string;
  const repeat = group.get('repeatPassword')?.value as string;
  const errors: ValidationErrors = {};
  if (next && current && next === current) errors['unchanged'] = true;
  if (repeat && next !== repeat) errors['mismatch'] = true;
  return Object.keys(errors).length > 0 ? errors : null;
}

/** Every signed-in user's own account: who they are signed in as, and changing their password. */
@Component({
  selector: 'sd-account-page',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="page-header">
      <div>
        <h1>Your account</h1>
        @if (session.user(); as u) {
          <p class="muted" data-testid="account-who">Signed in as {{ u.email }} · {{ u.role === 'manager' ? 'Manager' : 'Agent' }}</p>
        }
      </div>
    </div>

    <form class="card form-card" [formGroup]="form" (ngSubmit)="submit()" novalidate aria-labelledby="password-title" data-testid="password-form">
      @if (temporaryUntil(); as until) {
        <h2 id="password-title">Choose your own password</h2>
        <div class="alert alert-warning" role="status" data-testid="temporary-password">
          You signed in with a temporary password from your manager. It works until {{ until }}, and only to choose a password of your own: do that now to see your shifts.
        </div>
      } @else {
        <h2 id="password-title">Change your password</h2>
        <p class="subtle">Other browsers and phones signed in to this account are signed out; this one stays signed in.</p>
      }
      <div aria-live="polite">
        @if (done()) {
          <div class="alert alert-success" role="status" data-testid="password-changed">Your password was changed. Other sessions were signed out.</div>
        }
      </div>
      <div aria-live="assertive">
        @if (formError()) {
          <div class="alert alert-error" role="alert" data-testid="password-error">{{ formError() }}</div>
        }
      </div>

      @let currentError = errorFor('currentPassword');
      <div class="field">
        <label for="currentPassword">{{ temporaryUntil() ? 'Temporary password' : 'Current password' }}</label>
        <input id="currentPassword" type="password" formControlName="currentPassword" autocomplete="current-password"
          [attr.aria-invalid]="!!currentError" [attr.aria-describedby]="currentError ? 'currentPassword-error' : null" />
        @if (currentError) {
          <p class="field-error" id="currentPassword-error">{{ currentError }}</p>
        }
      </div>

      @let newError = errorFor('newPassword');
      <div class="field">
        <label for="newPassword">New password</label>
        <input id="newPassword" type="password" formControlName="newPassword" autocomplete="new-password"
          [attr.aria-invalid]="!!newError" [attr.aria-describedby]="newError ? 'newPassword-error' : 'newPassword-hint'" />
        @if (newError) {
          <p class="field-error" id="newPassword-error">{{ newError }}</p>
        } @else {
          <p class="field-hint" id="newPassword-hint">At least {{ minLength }} characters.</p>
        }
      </div>

      @let repeatError = errorFor('repeatPassword');
      <div class="field">
        <label for="repeatPassword">New password again</label>
        <input id="repeatPassword" type="password" formControlName="repeatPassword" autocomplete="new-password"
          [attr.aria-invalid]="!!repeatError" [attr.aria-describedby]="repeatError ? 'repeatPassword-error' : null" />
        @if (repeatError) {
          <p class="field-error" id="repeatPassword-error">{{ repeatError }}</p>
        }
      </div>

      <div class="form-actions">
        <button type="submit" class="btn btn-primary" [disabled]="submitting()" data-testid="change-password">
          {{ submitting() ? 'Changing…' : 'Change password' }}
        </button>
      </div>
    </form>
  `,
})
export class AccountPageComponent {
  readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  /** When a temporary password stops working, on the viewer's clock; '' for a password of their own. */
  readonly temporaryUntil = computed(() => {
    const expires = this.session.user()?.passwordExpiresAt;
    return expires ? new Date(expires).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
  });
  readonly minLength = PASSWORD_MIN_LENGTH;
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly form = inject(NonNullableFormBuilder).group(
    {
      currentPassword: ['', Validators.required],
      newPassword: ['', [Validators.required, Validators.minLength(PASSWORD_MIN_LENGTH), Validators.maxLength(PASSWORD_MAX_LENGTH)]],
      repeatPassword: ['', Validators.required],
    },
    { validators: newPasswordRules },
  );
  readonly submitting = signal(false);
  readonly submitted = signal(false);
  readonly done = signal(false);
  readonly formError = signal('');

  private readonly labels: Record<PasswordField, string> = { currentPassword: 'Current password', newPassword: 'New password', repeatPassword: 'The repeated password' };

  /** The message under a field, or '' while it is fine or untouched. */
  errorFor(name: PasswordField): string {
    const control = this.form.controls[name];
    const shown = control.touched || this.submitted();
    if (!shown) return '';
    if (control.invalid) return describeValidationErrors(control.errors, this.labels[name]);
    if (name === 'newPassword' && this.form.hasError('unchanged')) return 'Choose a password other than the current one.';
    if (name === 'repeatPassword' && this.form.hasError('mismatch')) return 'Type the same new password twice.';
    return '';
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    this.done.set(false);
    this.formError.set('');
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.focusFirstError();
      return;
    }
    this.submitting.set(true);
    const { currentPassword, newPassword } = this.form.getRawValue();
    try {
      const wasTemporary = this.session.needsOwnPassword();
      await this.session.changePassword({ currentPassword, newPassword });
      this.form.reset();
      this.submitted.set(false);
      this.done.set(true);
      // The temporary password only let them in here: now on to what they came for.
      const user = this.session.user();
      if (wasTemporary && user) await this.router.navigateByUrl(homePathFor(user));
    } catch (failure) {
      const error = toApiError(failure);
      const unmatched = applyServerErrors(this.form, error.fields);
      // Field errors sit under their fields; anything else (a lock-out, the network) goes on top.
      if (!error.fields?.length || unmatched.length > 0) this.formError.set(error.message);
      this.focusFirstError();
    } finally {
      this.submitting.set(false);
    }
  }

  private focusFirstError(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), { injector: this.injector });
  }
}
