import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, Injector, input, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type AbstractControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { type Agent, CHANNELS, type FieldError, LANGUAGE_LEVELS, LANGUAGE_NAMES, PASSWORD_MIN_LENGTH, type Weekday, WORK_MODES } from '@shiftdesk/shared-api-contract';
import { AgentsApi, PreferencesStore } from '@shiftdesk/web-data-access';
import { PreferencesEditorComponent, SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { applyServerErrors, CHANNEL_LABELS, describeValidationErrors, formatZonedDateTime, LEVEL_LABELS, listTimeZones, toApiError, WORK_MODE_LABELS } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { DirectoryStore } from '../shared/directory.store';
import {
  buildAgentForm,
  buildAvailabilityWindow,
  buildLanguageRow,
  CONTRACT_HOURS,
  patchAgentForm,
  readAvailabilityRows,
  setAvailabilityRows,
  toCreateAgentRequest,
  toUpdateAgentRequest,
} from './agent-form.model';
import { AVAILABILITY_WEEKDAYS, copyMondayToWeekdays, WEEKDAY_LABELS } from './availability-form';
import { AgentImportsComponent } from './agent-imports.component';
import { AgentLoginComponent } from './agent-login.component';
import { AgentsListStore } from './agents-list.store';

/** Create (`/agents/new`) and edit (`/agents/:id`) an agent. */
@Component({
  selector: 'sd-agent-form',
  imports: [ReactiveFormsModule, RouterLink, SpinnerComponent, ZonedClockComponent, AgentImportsComponent, AgentLoginComponent, PreferencesEditorComponent],
  providers: [PreferencesStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agent-form.component.html',
  // Availability rows read as one line per weekday: name, then each from–to window, then "+ Window".
  styles: `
    .availability-days { display: grid; gap: 0.25rem; margin: 0.75rem 0; }
    .availability-day { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem 1rem; padding: 0.4rem 0; border-bottom: 1px solid var(--border); }
    .availability-day-name { flex: 0 0 6.5rem; font-weight: 600; }
    .availability-window { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem; }
    .availability-window input.time-input { width: 5.5rem; }
    .availability-window .field-error { flex-basis: 100%; margin: 0; }
  `,
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
  readonly preferences = inject(PreferencesStore);
  readonly passwordMinLength = PASSWORD_MIN_LENGTH;

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
  readonly weekdays = AVAILABILITY_WEEKDAYS;
  readonly weekdayLabels = WEEKDAY_LABELS;
  /** Bumped when availability rows change, so the template re-reads them. */
  readonly availabilityVersion = signal(0);

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
    this.form.controls.availabilityAnyTime.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((anyTime) => {
      const rows = readAvailabilityRows(this.form);
      // Switching "Any time" off with nothing set yet proposes a Monday window to start from.
      const empty = this.weekdays.every((day) => rows.days[day].length === 0);
      setAvailabilityRows(this.fb, this.form, { anyTime, days: !anyTime && empty ? { ...rows.days, 1: [{ start: '09:00', end: '17:00' }] } : rows.days });
      this.availabilityVersion.update((v) => v + 1);
    });
    const id = this.id();
    if (id) {
      void this.loadAgent(id);
      void this.preferences.load(id);
    }
  }

  availabilityRows(day: Weekday) {
    return this.form.controls.availability.controls[`${day}`].controls;
  }

  addWindow(day: Weekday): void {
    this.form.controls.availability.controls[`${day}`].push(buildAvailabilityWindow(this.fb));
    this.availabilityVersion.update((v) => v + 1);
  }

  removeWindow(day: Weekday, index: number): void {
    this.form.controls.availability.controls[`${day}`].removeAt(index);
    this.availabilityVersion.update((v) => v + 1);
  }

  copyMondayToWeekdays(): void {
    const rows = readAvailabilityRows(this.form);
    setAvailabilityRows(this.fb, this.form, { anyTime: false, days: copyMondayToWeekdays(rows.days) });
    this.form.controls.availability.markAsDirty();
    this.availabilityVersion.update((v) => v + 1);
  }

  /** The message under a from/to time: the API's when it sent one, else a format hint. */
  timeError(path: string, label: string): string {
    const control = this.form.get(path);
    if (!control || !this.shouldShow(control)) return '';
    if (control.hasError('pattern')) return `${label}: write a time as HH:mm, e.g. 08:00${label === 'To' ? ' (24:00 for midnight)' : ''}.`;
    return describeValidationErrors(control.errors, label);
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
      this.availabilityVersion.update((v) => v + 1);
    } catch (failure) {
      this.loadError.set(toApiError(failure).message);
    } finally {
      this.loading.set(false);
    }
  }
}
