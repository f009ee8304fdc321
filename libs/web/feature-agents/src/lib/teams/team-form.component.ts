import { afterNextRender, ChangeDetectionStrategy, Component, computed, ElementRef, inject, Injector, input, type OnInit, signal } from '@angular/core';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import type { CreateTeamRequest, FieldError } from '@shiftdesk/shared-api-contract';
import { TeamsApi } from '@shiftdesk/web-data-access';
import { SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { applyServerErrors, describeValidationErrors, listTimeZones, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { DirectoryStore } from '../shared/directory.store';
import { timeZoneValidator } from '../shared/validators';
import { TeamsNoticeStore } from './teams-notice.store';
import { TeamFeedsComponent } from './team-feeds.component';
import { TeamManagersComponent } from './team-managers.component';
import { TeamWebhookComponent } from './team-webhook.component';

/** Create (`/teams/new`) and edit (`/teams/:id`) a team. */
@Component({
  selector: 'sd-team-form',
  imports: [ReactiveFormsModule, RouterLink, SpinnerComponent, ZonedClockComponent, TeamWebhookComponent, TeamFeedsComponent, TeamManagersComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './team-form.component.html',
})
export class TeamFormComponent implements OnInit {
  private readonly api = inject(TeamsApi);
  private readonly router = inject(Router);
  private readonly directory = inject(DirectoryStore);
  private readonly notice = inject(TeamsNoticeStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);

  readonly id = input<string>();
  readonly editing = computed(() => !!this.id());
  readonly timeZones = listTimeZones();

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.maxLength(80)]],
    description: ['', Validators.maxLength(500)],
    timeZone: ['', [Validators.required, timeZoneValidator]],
  });
  readonly loading = signal(false);
  readonly loadError = signal('');
  readonly teamName = signal('');
  /** The saved zone (not the field being edited): the webhook log shows its times in it. */
  readonly teamZone = signal('');
  readonly submitting = signal(false);
  readonly submitted = signal(false);
  readonly formError = signal('');
  readonly otherErrors = signal<FieldError[]>([]);

  ngOnInit(): void {
    const id = this.id();
    if (id) void this.loadTeam(id);
    else this.form.controls.timeZone.setValue(Intl.DateTimeFormat().resolvedOptions().timeZone);
  }

  errorFor(path: string, label: string): string {
    const control: AbstractControl | null = this.form.get(path);
    if (!control || !(control.invalid && (control.touched || this.submitted()))) return '';
    return describeValidationErrors(control.errors, label);
  }

  async submit(): Promise<void> {
    this.submitted.set(true);
    this.formError.set('');
    this.otherErrors.set([]);
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      this.formError.set('Please correct the highlighted fields.');
      this.focusFirstError();
      return;
    }
    const value = this.form.getRawValue();
    const request: CreateTeamRequest = { name: value.name.trim(), description: value.description.trim() || null, timeZone: value.timeZone.trim() };
    this.submitting.set(true);
    const id = this.id();
    try {
      const team = id ? await firstValueFrom(this.api.update(id, request)) : await firstValueFrom(this.api.create(request));
      this.notice.message.set(`${team.name} was ${id ? 'saved' : 'added'}.`);
      void this.directory.load(true);
      await this.router.navigate(['/teams']);
    } catch (failure) {
      const error = toApiError(failure);
      this.formError.set(error.message);
      this.otherErrors.set(applyServerErrors(this.form, error.fields));
      this.focusFirstError();
    } finally {
      this.submitting.set(false);
    }
  }

  private focusFirstError(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), { injector: this.injector });
  }

  private async loadTeam(id: string): Promise<void> {
    this.loading.set(true);
    try {
      const team = await firstValueFrom(this.api.get(id));
      this.teamName.set(team.name);
      this.teamZone.set(team.timeZone);
      this.form.setValue({ name: team.name, description: team.description ?? '', timeZone: team.timeZone });
    } catch (failure) {
      this.loadError.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
