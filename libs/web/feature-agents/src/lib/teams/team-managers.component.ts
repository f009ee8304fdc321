import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { PASSWORD_MIN_LENGTH, type AddTeamManagerRequest, type TeamManager } from '@shiftdesk/shared-api-contract';
import { SessionStore, TeamsApi } from '@shiftdesk/web-data-access';
import { ConfirmDialogComponent } from '@shiftdesk/web-ui';
import { applyServerErrors, describeValidationErrors, formatZonedDateTime, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { TeamsNoticeStore } from './teams-notice.store';

type ManagerField = 'email' | 'displayName' | 'password';

/**
 * Who manages the team: list, add (an existing manager account by email, or a new one with a
 * name and first password) and remove. The API keeps at least one manager per team.
 */
@Component({
  selector: 'sd-team-managers',
  imports: [ReactiveFormsModule, ConfirmDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card form-card managers-card" aria-labelledby="managers-title" data-testid="team-managers">
      <h2 id="managers-title">Managers</h2>
      <p class="muted">Managers plan this team's roster and see its pay. Add a colleague who already manages another team by email alone; for someone new, give a name and a first password they change on their account page.</p>
      <div aria-live="polite">
        @if (notice()) {
          <div class="alert alert-success" role="status" data-testid="managers-notice">{{ notice() }}</div>
        }
      </div>
      @if (error()) {
        <div class="alert alert-error" role="alert" data-testid="managers-error">{{ error() }}</div>
      }
      <ul class="plain-list" data-testid="manager-list" [attr.aria-busy]="loading()">
        @for (m of managers(); track m.userId) {
          <li class="list-row" data-testid="manager-row" [attr.data-email]="m.email">
            <div>
              <strong>{{ m.displayName }}</strong>
              @if (m.userId === me()) {
                <span class="subtle"> (you)</span>
              }
              <p class="field-hint">{{ m.email }} · manager since {{ since(m) }}</p>
            </div>
            @if (managers().length > 1) {
              <button type="button" class="btn btn-ghost btn-small" (click)="removing.set(m)" [attr.aria-label]="'Remove ' + m.displayName + ' as a manager'" data-testid="remove-manager">Remove</button>
            }
          </li>
        } @empty {
          @if (!loading()) {
            <li class="subtle">No managers listed.</li>
          }
        }
      </ul>

      <form [formGroup]="form" (ngSubmit)="add()" novalidate aria-labelledby="add-manager-title" data-testid="add-manager-form">
        <h3 id="add-manager-title">Add a manager</h3>
        <div class="form-grid">
          @let emailError = errorFor('email', 'Email');
          <div class="field">
            <label for="manager-email">Email</label>
            <input id="manager-email" type="email" inputmode="email" autocomplete="off" formControlName="email"
              [attr.aria-invalid]="!!emailError" [attr.aria-describedby]="emailError ? 'manager-email-error' : null" />
            @if (emailError) {
              <p class="field-error" id="manager-email-error">{{ emailError }}</p>
            }
          </div>
          @let nameError = errorFor('displayName', 'Name');
          <div class="field">
            <label for="manager-name">Name <span class="optional">(new accounts)</span></label>
            <input id="manager-name" autocomplete="off" formControlName="displayName"
              [attr.aria-invalid]="!!nameError" [attr.aria-describedby]="nameError ? 'manager-name-error' : null" />
            @if (nameError) {
              <p class="field-error" id="manager-name-error">{{ nameError }}</p>
            }
          </div>
          @let passwordError = errorFor('password', 'First password');
          <div class="field">
            <label for="manager-password">First password <span class="optional">(new accounts)</span></label>
            <input id="manager-password" type="password" autocomplete="new-password" formControlName="password"
              [attr.aria-invalid]="!!passwordError" [attr.aria-describedby]="passwordError ? 'manager-password-error' : 'manager-password-hint'" />
            @if (passwordError) {
              <p class="field-error" id="manager-password-error">{{ passwordError }}</p>
            } @else {
              <p class="field-hint" id="manager-password-hint">At least {{ minLength }} characters.</p>
            }
          </div>
        </div>
        <div class="form-actions">
          <button type="submit" class="btn" [disabled]="busy()" data-testid="add-manager">{{ busy() ? 'Adding…' : 'Add manager' }}</button>
        </div>
      </form>
    </section>

    <sd-confirm-dialog [open]="!!removing()" [heading]="'Remove ' + (removing()?.displayName ?? '') + ' as a manager?'" confirmLabel="Remove" [danger]="true" [busy]="busy()"
      (confirmed)="remove()" (cancelled)="removing.set(null)">
      <p>{{ removingYou() ? 'You will no longer see this team.' : 'They will no longer see this team; their account stays.' }}</p>
    </sd-confirm-dialog>
  `,
  styles: `:host { display: block; } .managers-card { margin-top: var(--space-5); } .managers-card h2 { margin: 0 0 var(--space-2); } .managers-card h3 { margin: var(--space-4) 0 var(--space-2); font-size: 1rem; }`,
})
export class TeamManagersComponent {
  private readonly api = inject(TeamsApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly teamsNotice = inject(TeamsNoticeStore);
  readonly teamId = input.required<string>();
  readonly minLength = PASSWORD_MIN_LENGTH;

  readonly managers = signal<TeamManager[]>([]);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal('');
  readonly notice = signal('');
  readonly submitted = signal(false);
  readonly removing = signal<TeamManager | null>(null);
  readonly me = computed(() => this.session.user()?.id ?? null);
  readonly removingYou = computed(() => this.removing()?.userId === this.me());
  private readonly viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [Validators.required, Validators.email]],
    displayName: [''],
    password: ['', Validators.minLength(PASSWORD_MIN_LENGTH)],
  });

  constructor() {
    effect(() => {
      const teamId = this.teamId();
      untracked(() => void this.load(teamId));
    });
  }

  since(m: TeamManager): string {
    return formatZonedDateTime(new Date(m.since), this.viewerZone);
  }

  errorFor(name: ManagerField, label: string): string {
    const control = this.form.controls[name];
    return control.invalid && (control.touched || this.submitted()) ? describeValidationErrors(control.errors, label) : '';
  }

  async add(): Promise<void> {
    this.submitted.set(true);
    this.error.set('');
    this.notice.set('');
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { email, displayName, password } = this.form.getRawValue();
    // Empty optional fields are left out: for an existing account only the email counts.
    const request: AddTeamManagerRequest = { email: email.trim() };
    if (displayName.trim()) request.displayName = displayName.trim();
    if (password) request.password = password;
    this.busy.set(true);
    try {
      const added = await firstValueFrom(this.api.addManager(this.teamId(), request));
      this.form.reset();
      this.submitted.set(false);
      this.notice.set(`${added.displayName} now manages this team.`);
      await this.load(this.teamId());
    } catch (failure) {
      const error = toApiError(failure);
      const unmatched = applyServerErrors(this.form, error.fields);
      if (!error.fields?.length || unmatched.length > 0) this.error.set(error.message);
    } finally {
      this.busy.set(false);
    }
  }

  async remove(): Promise<void> {
    const target = this.removing();
    if (!target) return;
    this.busy.set(true);
    this.error.set('');
    this.notice.set('');
    try {
      await firstValueFrom(this.api.removeManager(this.teamId(), target.userId));
      if (target.userId === this.me()) {
        // This page is no longer yours: back to your teams, with the session's team list re-read.
        await this.session.restore();
        this.teamsNotice.message.set('You no longer manage that team.');
        await this.router.navigate(['/teams']);
        return;
      }
      this.notice.set(`${target.displayName} no longer manages this team.`);
      await this.load(this.teamId());
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.busy.set(false);
      this.removing.set(null);
    }
  }

  private async load(teamId: string): Promise<void> {
    this.loading.set(true);
    try {
      this.managers.set(await firstValueFrom(this.api.managers(teamId)));
    } catch (failure) {
      this.error.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
