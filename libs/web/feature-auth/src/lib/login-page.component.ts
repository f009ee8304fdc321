import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { homePathFor, SessionStore } from '@shiftdesk/web-data-access';
import { describeValidationErrors, toApiError } from '@shiftdesk/web-util';

@Component({
  selector: 'sd-login-page',
  imports: [ReactiveFormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './login-page.component.html',
  host: { class: 'login-page' },
})
export class LoginPageComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  /** Where to go after signing in (set by the guards and the 401 handler). */
  readonly returnUrl = input<string | undefined>();

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    password: ['', Validators.required],
  });
  readonly submitting = signal(false);
  readonly submitted = signal(false);
  readonly error = signal('');

  showError(name: 'email' | 'password'): boolean {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted());
  }

  errorFor(name: 'email' | 'password', label: string): string {
    return describeValidationErrors(this.form.controls[name].errors, label);
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    this.error.set('');
    if (this.form.invalid || this.submitting()) return;
    this.submitting.set(true);
    this.form.disable({ emitEvent: false });
    try {
      const user = await this.session.login(this.form.getRawValue());
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('//') ? target : homePathFor(user));
    } catch (failure) {
      const apiError = toApiError(failure);
      this.error.set(apiError.statusCode === 401 ? apiError.message || 'Wrong email or password.' : apiError.message);
    } finally {
      this.submitting.set(false);
      this.form.enable({ emitEvent: false });
    }
  }
}
