import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, input, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { type Agent, CHANNELS, type FieldError, LANGUAGE_LEVELS, LANGUAGE_NAMES, WORK_MODES } from '@shiftdesk/shared-api-contract';
import { AgentsApi } from '@shiftdesk/web-data-access';
import { SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, describeValidationErrors, formatZonedDateTime, LEVEL_LABELS, listTimeZones, toApiError, WORK_MODE_LABELS } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { applyServerErrors } from '../shared/server-errors';
import { DirectoryStore } from '../shared/directory.store';
import { buildAgentForm, buildLanguageRow, CONTRACT_HOURS, patchAgentForm, toCreateAgentRequest, toUpdateAgentRequest } from './agent-form.model';
import { AgentsListStore } from './agents-list.store';

/** Create (`/agents/new`) and edit (`/agents/:id`) an agent. */
@Component({
  selector: 'sd-agent-form',
  imports: [ReactiveFormsModule, RouterLink, SpinnerComponent, ZonedClockComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-form.component.html',
})
export class AgentFormComponent implements OnInit {
  private readonly fb = inject(NonNullableFormBuilder);
  private readonly api = inject(AgentsApi);
  private readonly router = inject(Router);
  private readonly list = inject(AgentsListStore);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);
  readonly directory = inject(DirectoryStore);

  /** Route parameter; absent on `/agents/new`. */
  readonly id = input<string>();
  readonly editing = computed(() => !!this.id());

  readonly form = buildAgentForm(this.fb);
  readonly agent = signal<Agent | null>(null);
  readonly loading = signal(false);
  readonly loadError = signal('');
  readonly submitting = signal(false);
  readonly submitted = signal(false);
  readonly formError = signal('');
  readonly otherErrors = signal<FieldError[]>([]);
  /** Bumped when the language rows change, so the template re-reads them. */
  readonly rowsVersion = signal(0);

  readonly channels = CHANNELS;
  readonly channelLabels = CHANNEL_LABELS;
  readonly workModes = WORK_MODES;
  readonly workModeLabels = WORK_MODE_LABELS;
  readonly levels = LANGUAGE_LEVELS;
  readonly levelLabels = LEVEL_LABELS;
  readonly hours = CONTRACT_HOURS;
  readonly timeZones = listTimeZones();
  readonly languageOptions = Object.entries(LANGUAGE_NAMES)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  readonly viewerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

  readonly updatedAt = computed(() => {
    const agent = this.agent();
    return agent ? formatZonedDateTime(new Date(agent.updatedAt), this.viewerZone) : '';
  });

  ngOnInit(): void {
    void this.directory.load().then(() => this.preselectTeam());
    this.form.controls.regionId.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((regionId) => {
      // Picking a region proposes its default zone; the user can still type another.
      const region = this.directory.regionsById().get(regionId);
      if (region) {
        this.form.controls.timeZone.setValue(region.defaultTimeZone);
        this.form.controls.timeZone.markAsTouched();
      }
    });
    const id = this.id();
    if (id) void this.loadAgent(id);
  }

  get languageRows() {
    return this.form.controls.languages.controls;
  }

  addLanguage(): void {
    this.form.controls.languages.push(buildLanguageRow(this.fb));
    this.rowsVersion.update((v) => v + 1);
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>(`#language-${this.languageRows.length - 1}-code`)?.focus(), { injector: this.injector });
  }

  removeLanguage(index: number): void {
    this.form.controls.languages.removeAt(index);
    this.rowsVersion.update((v) => v + 1);
  }

  /** The message to show under a control, or '' while it is fine or untouched. */
  errorFor(path: string, label: string): string {
    const control = this.form.get(path);
    if (!control || !this.shouldShow(control)) return '';
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
    this.submitting.set(true);
    const id = this.id();
    try {
      const saved = id
        ? await firstValueFrom(this.api.update(id, toUpdateAgentRequest(this.form)))
        : await firstValueFrom(this.api.create(toCreateAgentRequest(this.form)));
      this.list.notice.set({ tone: 'success', text: `${saved.displayName} was ${id ? 'saved' : 'added'}.` });
      await this.router.navigate(['/agents']);
    } catch (failure) {
      const error = toApiError(failure);
      this.formError.set(error.message);
      this.otherErrors.set(applyServerErrors(this.form, error.fields));
      this.focusFirstError();
    } finally {
      this.submitting.set(false);
    }
  }

  private shouldShow(control: AbstractControl): boolean {
    return control.invalid && (control.touched || this.submitted());
  }

  private focusFirstError(): void {
    afterNextRender(() => this.host.nativeElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), { injector: this.injector });
  }

  private preselectTeam(): void {
    const teams = this.directory.teams();
    if (!this.id() && !this.form.controls.teamId.value && teams.length === 1) {
      this.form.controls.teamId.setValue(teams[0].id);
      if (!this.form.controls.timeZone.value) this.form.controls.timeZone.setValue(teams[0].timeZone);
    }
  }

  private async loadAgent(id: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set('');
    try {
      const agent = await firstValueFrom(this.api.get(id));
      this.agent.set(agent);
      patchAgentForm(this.fb, this.form, agent);
      this.rowsVersion.update((v) => v + 1);
    } catch (failure) {
      this.loadError.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
