import { ChangeDetectionStrategy, Component, computed, effect, inject, output, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { CHANNELS, ROSTER_MAX_TIME_LIMIT_SECONDS, ROSTER_SHAPE_NAME_MAX_LENGTH, type ApiError, type Channel, type CoverageRule } from '@shiftdesk/shared-api-contract';
import { addDays, formatDayLabel, formatSpan, RosterJobStore, ScheduleApi, startOfDay, startOfIsoWeek, todayIn } from '@shiftdesk/web-data-access-schedule';
import { ConfirmDialogComponent, ModalDialogComponent, NowService } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { TeamContextStore } from '../shared/team-context.store';
import { defaultPeriod, describeShapeSpan, GAP_LOOKAHEAD_WEEKS, initialGenerateForm, firstWeekWithGap, mapGenerateErrors, requestToForm, toGenerateRequest, type GenerateFormErrors, type GenerateFormValue, type ShapeFormValue } from './generate-form';
import { countGapReasons, describeBreakdown, describeProgress, formatPenalty, formatPeriod, groupDraftByDay, UNFILLED_REASON_LABELS } from './generate-progress';

/** Days of the draft listed in the panel before "apply to see the rest on the board". */
const PREVIEW_DAYS = 14;

/**
 * Generate a draft roster (issue 4), for managers, on the roster board: the dialog (period, shift
 * shapes, time limit), the job's progress with Cancel, and its result (the draft by day and
 * shape, every day × shape it could not fill with the reason, every objective term) with Apply
 * and Publish. The board hosts it and shows the period's week once the drafts are written.
 */
@Component({
  selector: 'sd-generate-roster',
  imports: [ConfirmDialogComponent, ModalDialogComponent, RouterLink],
  providers: [RosterJobStore],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './generate-roster.component.html',
  styleUrl: './generate-roster.component.css',
})
export class GenerateRosterComponent {
  protected readonly context = inject(TeamContextStore);
  protected readonly store = inject(RosterJobStore);
  private readonly scheduleApi = inject(ScheduleApi);
  private readonly clock = inject(NowService);

  /** A local date of the week the board should show (the period's first), after apply or on request. */
  readonly showWeek = output<string>();
  /** Drafts were written or published: the board reloads. */
  readonly changed = output<void>();

  protected readonly channels = CHANNELS;
  protected readonly penalty = formatPenalty;
  protected readonly channelLabels = CHANNEL_LABELS;
  protected readonly reasonLabels = UNFILLED_REASON_LABELS;
  protected readonly maxLimit = ROSTER_MAX_TIME_LIMIT_SECONDS;
  protected readonly shapeNameMaxLength = ROSTER_SHAPE_NAME_MAX_LENGTH;

  protected readonly open = signal(false);
  protected readonly form = signal<GenerateFormValue | null>(null);
  protected readonly rules = signal<CoverageRule[] | null>(null);
  protected readonly errors = signal<GenerateFormErrors>({});
  protected readonly formError = signal('');
  protected readonly submitting = signal(false);
  protected readonly confirming = signal<'apply' | 'publish' | null>(null);
  /** Why the period is what it is, when the dialog moved it past covered weeks. */
  protected readonly periodNote = signal('');

  protected readonly zone = computed(() => this.context.teamZone());
  protected readonly periodDays = computed(() => {
    const form = this.form();
    if (!form?.from || !form.to) return 0;
    return Math.round((Date.parse(`${form.to}T00:00:00Z`) - Date.parse(`${form.from}T00:00:00Z`)) / 86_400_000) + 1;
  });
  protected readonly targetNote = computed(() => {
    const rules = this.rules();
    if (rules === null) return 'Reading the coverage target…';
    if (!rules.length) return 'This team has no coverage target yet: the generator has nothing to cover. Add one on the Coverage page first.';
    return `Suggested from the coverage target (${rules.map((rule) => rule.name).join(', ')}). Drafts fill each day × shape with the agents the target needs.`;
  });

  protected readonly job = this.store.job;
  protected readonly progress = computed(() => {
    const job = this.store.job();
    return job ? describeProgress(job, this.store.request()?.timeLimitSeconds ?? 30) : null;
  });
  protected readonly periodLabel = computed(() => {
    const job = this.store.job();
    return job ? formatPeriod(job.from, job.to) : '';
  });
  protected readonly breakdown = computed(() => {
    const result = this.store.result();
    return result ? describeBreakdown(result.breakdown) : [];
  });
  protected readonly gaps = computed(() => {
    const result = this.store.result();
    const zone = this.zone();
    return (result?.unfilled ?? []).map((gap, i) => ({
      key: `${gap.date}-${gap.shape}-${i}`,
      day: formatDayLabel(gap.date),
      span: formatSpan(Date.parse(gap.start), Date.parse(gap.end), zone),
      gap,
    }));
  });
  protected readonly gapReasons = computed(() => countGapReasons(this.store.result()?.unfilled ?? []));
  protected readonly draftDays = computed(() => {
    const job = this.store.job();
    const result = this.store.result();
    if (!job || !result) return [];
    const shapes = this.store.request()?.shapes.map((shape) => shape.name) ?? [...new Set(result.shifts.map((shift) => shift.shape))];
    const count = Math.round((Date.parse(`${job.to}T00:00:00Z`) - Date.parse(`${job.from}T00:00:00Z`)) / 86_400_000) + 1;
    const dates = Array.from({ length: Math.min(count, PREVIEW_DAYS) }, (_, i) => addDays(job.from, i));
    return groupDraftByDay({ shifts: result.shifts, shapes, dates }).map((day) => ({ ...day, label: formatDayLabel(day.date) }));
  });
  protected readonly hiddenDays = computed(() => {
    const job = this.store.job();
    if (!job) return 0;
    const count = Math.round((Date.parse(`${job.to}T00:00:00Z`) - Date.parse(`${job.from}T00:00:00Z`)) / 86_400_000) + 1;
    return Math.max(0, count - PREVIEW_DAYS);
  });
  protected readonly shapeNames = computed(() => this.store.request()?.shapes.map((shape) => `${shape.name}`) ?? []);
  protected readonly coverageWeek = computed(() => {
    const job = this.store.job();
    return job ? startOfIsoWeek(job.from) : null;
  });

  constructor() {
    // Another team picked on the board: this team's job is no longer what the board shows.
    effect(() => {
      const teamId = this.context.teamId();
      untracked(() => {
        const jobTeam = this.store.teamId();
        if (!jobTeam || jobTeam === teamId || !this.store.job()) return;
        if (this.store.running()) void this.store.cancel().then(() => this.store.reset());
        else this.store.reset();
      });
    });
  }

  /**
   * Opens the dialog with next week and shapes from the team's coverage target, or with the last
   * request of this team when there is one ("Generate again").
   */
  async openDialog(): Promise<void> {
    const teamId = this.context.teamId();
    if (!teamId) return;
    const today = todayIn(this.zone(), this.clock.now().getTime());
    const last = this.store.teamId() === teamId ? this.store.request() : null;
    this.errors.set({});
    this.formError.set('');
    this.rules.set(null);
    this.periodNote.set('');
    this.form.set(last ? requestToForm(last) : initialGenerateForm({ today, rules: [], zone: this.zone() }));
    this.open.set(true);
    if (!last) void this.moveToFirstGap(teamId, today);
    try {
      const rules = await firstValueFrom(this.scheduleApi.coverageRules(teamId));
      if (this.context.teamId() !== teamId) return;
      this.rules.set(rules);
      // Only the shapes follow the target; what the manager typed meanwhile stays.
      if (last) return;
      const suggested = initialGenerateForm({ today, rules, zone: this.zone() }).shapes;
      this.form.update((form) => (form ? { ...form, shapes: suggested } : form));
    } catch (failure) {
      this.rules.set([]);
      this.formError.set(`The coverage target could not be read: ${toApiError(failure).message}`);
    }
  }

  /**
   * Next week may already be planned (a published roster weeks ahead): open on the first week
   * with a gap instead, unless the manager has changed the dates meanwhile. A failed read keeps
   * next week; the dialog still works.
   */
  private async moveToFirstGap(teamId: string, today: string): Promise<void> {
    const next = defaultPeriod(today);
    const zone = this.zone();
    try {
      const response = await firstValueFrom(
        this.scheduleApi.gaps(teamId, {
          from: new Date(startOfDay(next.from, zone)).toISOString(),
          to: new Date(startOfDay(addDays(next.from, 7 * GAP_LOOKAHEAD_WEEKS), zone)).toISOString(),
          tz: zone,
        }),
      );
      const form = this.form();
      if (this.context.teamId() !== teamId || !this.open() || !form || form.from !== next.from || form.to !== next.to) return;
      const period = firstWeekWithGap(
        today,
        response.gaps.filter((gap) => gap.level === 'error').map((gap) => gap.localStart.slice(0, 10)),
      );
      if (!period || period.from === next.from) return;
      this.form.update((value) => (value ? { ...value, from: period.from, to: period.to } : value));
      this.periodNote.set('The weeks before are covered; this is the first week with a gap.');
    } catch {
      // Next week stays.
    }
  }

  protected closeDialog(): void {
    if (!this.submitting()) this.open.set(false);
  }

  protected errorOf(path: string): string {
    return this.errors()[path] ?? '';
  }

  protected setField(field: 'from' | 'to', value: string): void {
    this.patch({ [field]: value });
    this.clearError(field);
  }

  protected setFlag(field: 'evenOut' | 'avoidIsolatedDays' | 'preferences', value: boolean): void {
    this.form.update((form) => (form ? { ...form, [field]: value } : form));
  }

  protected setNumber(field: 'timeLimitSeconds' | 'seed', value: string): void {
    this.patch({ [field]: value.trim() === '' ? null : Number(value) });
    this.clearError(field);
  }

  protected setShape(index: number, field: keyof ShapeFormValue, value: string): void {
    const parsed = field === 'lengthHours' || field === 'maxPerAgent' ? (value.trim() === '' ? null : Number(value)) : field === 'channel' ? (value as Channel | '') : value;
    this.form.update((form) => (form ? { ...form, shapes: form.shapes.map((shape, i) => (i === index ? { ...shape, [field]: parsed } : shape)) } : form));
    const api = field === 'label' ? 'name' : field === 'lengthHours' ? 'lengthMinutes' : field;
    this.clearError(`shapes.${index}.${api}`);
  }

  protected addShape(): void {
    this.form.update((form) => (form ? { ...form, shapes: [...form.shapes, { label: '', start: '09:00', lengthHours: 8, channel: '', language: '', maxPerAgent: null }] } : form));
    this.clearError('shapes');
  }

  protected removeShape(index: number): void {
    this.form.update((form) => (form ? { ...form, shapes: form.shapes.filter((_, i) => i !== index) } : form));
    // Errors of later rows would now sit under the wrong row.
    this.errors.set({});
  }

  protected spanOf(shape: ShapeFormValue): string {
    return describeShapeSpan(shape);
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    const form = this.form();
    const teamId = this.context.teamId();
    if (!form || !teamId || this.submitting()) return;
    const mapped = toGenerateRequest(form);
    if (!mapped.ok) {
      this.errors.set(mapped.errors);
      this.formError.set('Check the highlighted fields.');
      return;
    }
    this.submitting.set(true);
    this.formError.set('');
    try {
      await this.store.start(teamId, mapped.request);
      this.open.set(false);
    } catch (failure) {
      const { fields, general } = mapGenerateErrors(failure as ApiError);
      this.errors.set(fields);
      this.formError.set(general || 'The server did not accept some fields; see below.');
    } finally {
      this.submitting.set(false);
    }
  }

  protected cancelJob(): void {
    void this.store.cancel();
  }

  protected dismiss(): void {
    this.store.reset();
  }

  protected async confirm(): Promise<void> {
    const action = this.confirming();
    if (action === 'apply') {
      const answer = await this.store.apply();
      this.confirming.set(null);
      if (answer) {
        this.changed.emit();
        const job = this.store.job();
        if (job) this.showWeek.emit(job.from);
      }
    } else if (action === 'publish') {
      const answer = await this.store.publish(this.zone());
      this.confirming.set(null);
      if (answer) this.changed.emit();
    }
  }

  protected viewOnBoard(): void {
    const job = this.store.job();
    if (job) this.showWeek.emit(job.from);
  }

  private patch(values: Partial<GenerateFormValue>): void {
    this.form.update((form) => (form ? { ...form, ...values } : form));
  }

  private clearError(path: string): void {
    if (!this.errors()[path]) return;
    this.errors.update((errors) => {
      const next = { ...errors };
      delete next[path];
      return next;
    });
  }
}
