import { ChangeDetectionStrategy, Component, computed, effect, inject, type OnInit, signal, untracked } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import type { ApiError, Rotation, RotationPreviewOccurrence } from '@shiftdesk/shared-api-contract';
import { formatDayLabel, formatSpan, RotationsStore, todayIn } from '@shiftdesk/web-data-access-schedule';
import { ConfirmDialogComponent, EmptyStateComponent, NowService, SpinnerComponent } from '@shiftdesk/web-ui';
import { debounceTime, map, merge } from 'rxjs';
import { TeamContextStore } from '../shared/team-context.store';
import { BYDAY_CODES, BYDAY_LABELS, type ByDay, fromRotation, previewForm, type RotationFormValue, toRotationRequest } from './rotation-form';
import { ScheduleImportDialogComponent, type ScheduleImportOutcome, type ScheduleImportSource } from './schedule-import-dialog.component';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
/** How long typing pauses before the preview is recomputed, in ms. */
const PREVIEW_DEBOUNCE_MS = 250;

interface PreviewRow {
  index: number;
  day: string;
  span: string;
  agents: string;
}

/**
 * A simple rotation editor: zone, local start/end, weekdays (→ RRULE), agents in turn order,
 * handoff and start date, with a live preview of the next ten occurrences in the rotation's zone.
 * Unsaved changes are previewed with the domain's previewRotation (the function behind the API's
 * preview endpoint); a saved, unchanged rotation is previewed by the endpoint itself.
 */
@Component({
  selector: 'sd-rotations-page',
  imports: [ReactiveFormsModule, ConfirmDialogComponent, EmptyStateComponent, SpinnerComponent, ScheduleImportDialogComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './rotations-page.component.html',
  styleUrl: './rotations-page.component.css',
})
export class RotationsPageComponent implements OnInit {
  protected readonly context = inject(TeamContextStore);
  protected readonly store = inject(RotationsStore);
  private readonly clock = inject(NowService);

  protected readonly days = BYDAY_CODES;
  protected readonly dayLabels = BYDAY_LABELS;
  /** null: nothing open; 'new'; or the id of the rotation being edited. */
  protected readonly editing = signal<string | null>(null);
  protected readonly weekdays = signal<ByDay[]>(['MO', 'TU', 'WE', 'TH', 'FR']);
  protected readonly agentIds = signal<string[]>([]);
  protected readonly changed = signal(false);
  protected readonly busy = signal(false);
  protected readonly formError = signal('');
  protected readonly fieldErrors = signal<Record<string, string>>({});
  protected readonly notice = signal('');
  protected readonly serverPreview = signal<RotationPreviewOccurrence[] | null>(null);
  protected readonly serverPreviewError = signal('');
  /** The rotation whose End button was pressed, awaiting confirmation. */
  protected readonly ending = signal<Rotation | null>(null);
  protected readonly endingBusy = signal(false);
  protected readonly endError = signal('');
  /** The tool whose import dialog is open. */
  protected readonly importing = signal<ScheduleImportSource | null>(null);
  protected readonly endingStarted = computed(() => {
    const rotation = this.ending();
    return !!rotation && this.hasStarted(rotation);
  });

  protected readonly form = new FormGroup({
    name: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    timeZone: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    localStartTime: new FormControl('09:00', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
    localEndTime: new FormControl('17:00', { nonNullable: true, validators: [Validators.required, Validators.pattern(TIME)] }),
    handoff: new FormControl<'turns' | 'all'>('turns', { nonNullable: true }),
    every: new FormControl(1, { nonNullable: true, validators: [Validators.min(1)] }),
    startDate: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  private readonly formValue = toSignal(merge(this.form.valueChanges).pipe(debounceTime(PREVIEW_DEBOUNCE_MS), map(() => this.form.getRawValue())), {
    initialValue: this.form.getRawValue(),
  });

  protected readonly value = computed<RotationFormValue>(() => ({ ...this.formValue(), weekdays: this.weekdays(), agentIds: this.agentIds() }));
  protected readonly zone = computed(() => this.value().timeZone.trim() || this.context.teamZone());
  protected readonly selected = computed(() => this.store.rotations().find((r) => r.id === this.editing()) ?? null);
  protected readonly availableAgents = computed(() => this.context.activeAgents().filter((agent) => !this.agentIds().includes(agent.id)));
  protected readonly orderedAgents = computed(() => this.agentIds().map((id) => ({ id, name: this.context.agentsById().get(id)?.displayName ?? id })));

  /** From the endpoint for a saved, unchanged rotation; from the domain for anything unsaved. */
  protected readonly preview = computed<{ source: 'server' | 'local'; rows: PreviewRow[]; message: string }>(() => {
    const server = this.serverPreview();
    const zone = this.zone();
    if (this.selected() && !this.changed()) {
      if (this.serverPreviewError()) return { source: 'server', rows: [], message: this.serverPreviewError() };
      return { source: 'server', rows: server ? this.toRows(server, zone) : [], message: server ? '' : 'Loading…' };
    }
    const result = previewForm(this.value(), this.clock.now().getTime(), 10);
    return result.ok ? { source: 'local', rows: this.toRows(result.occurrences, zone), message: '' } : { source: 'local', rows: [], message: result.message };
  });

  constructor() {
    effect(() => {
      const teamId = this.context.teamId();
      if (teamId) void this.store.load(teamId);
    });
    effect(() => {
      const rotation = this.selected();
      const teamId = this.context.teamId();
      this.serverPreview.set(null);
      this.serverPreviewError.set('');
      if (!rotation || !teamId) return;
      // The clock ticks every 15 s; that must not refetch (and blank) the preview.
      const from = untracked(() => this.clock.now()).toISOString();
      this.store
        .preview(teamId, rotation.id, from, 10)
        .then((response) => {
          if (this.selected()?.id === rotation.id) this.serverPreview.set(response.occurrences);
        })
        .catch((error: ApiError) => this.serverPreviewError.set(error.message));
    });
    this.form.valueChanges.subscribe(() => {
      this.changed.set(true);
      if (Object.keys(this.fieldErrors()).length) this.fieldErrors.set({});
    });
  }

  ngOnInit(): void {
    void this.context.load();
  }

  protected startNew(): void {
    this.notice.set('');
    this.editing.set('new');
    this.form.controls.startDate.enable({ emitEvent: false });
    this.form.reset({ name: '', timeZone: this.context.teamZone(), localStartTime: '09:00', localEndTime: '17:00', handoff: 'turns', every: 1, startDate: todayIn(this.context.teamZone(), this.clock.now().getTime()) });
    this.weekdays.set(['MO', 'TU', 'WE', 'TH', 'FR']);
    this.agentIds.set([]);
    this.resetState();
  }

  protected edit(rotation: Rotation): void {
    this.notice.set('');
    const value = fromRotation(rotation);
    this.editing.set(rotation.id);
    // A started rotation keeps its first day (a change is versioned from tomorrow instead); one
    // that has not started yet may still move.
    if (this.hasStarted(rotation)) this.form.controls.startDate.disable({ emitEvent: false });
    else this.form.controls.startDate.enable({ emitEvent: false });
    this.form.reset({ name: value.name, timeZone: value.timeZone, localStartTime: value.localStartTime, localEndTime: value.localEndTime, handoff: value.handoff, every: value.every, startDate: value.startDate });
    this.weekdays.set(value.weekdays);
    this.agentIds.set(value.agentIds);
    this.resetState();
  }

  protected close(): void {
    this.editing.set(null);
  }

  protected toggleDay(day: ByDay, checked: boolean): void {
    this.weekdays.update((days) => (checked ? [...days, day] : days.filter((d) => d !== day)));
    this.changed.set(true);
  }

  protected addAgent(id: string): void {
    if (!id) return;
    this.agentIds.update((ids) => [...ids, id]);
    this.changed.set(true);
  }

  protected moveAgent(index: number, delta: number): void {
    this.agentIds.update((ids) => {
      const next = [...ids];
      const target = index + delta;
      if (target < 0 || target >= next.length) return ids;
      [next[index], next[target]] = [next[target] as string, next[index] as string];
      return next;
    });
    this.changed.set(true);
  }

  protected removeAgent(index: number): void {
    this.agentIds.update((ids) => ids.filter((_, i) => i !== index));
    this.changed.set(true);
  }

  protected errorOf(name: string): string {
    return this.fieldErrors()[name] ?? '';
  }

  async save(): Promise<void> {
    this.form.markAllAsTouched();
    const teamId = this.context.teamId();
    if (!teamId) return;
    if (this.form.invalid) {
      this.formError.set('Fill in the name, zone, times (HH:mm) and start date.');
      return;
    }
    const request = toRotationRequest({ ...this.form.getRawValue(), weekdays: this.weekdays(), agentIds: this.agentIds() });
    this.busy.set(true);
    this.formError.set('');
    try {
      const editing = this.editing();
      if (editing && editing !== 'new') {
        // A started rotation cannot move its start date; the API versions it from tomorrow instead.
        const { startDate, ...rest } = request;
        const changes = this.form.controls.startDate.disabled ? rest : { ...rest, startDate };
        const result = await this.store.update(teamId, editing, changes);
        this.edit(result.rotation);
        this.notice.set(result.outcome === 'versioned' ? `${result.rotation.name} was changed from ${result.rotation.startDate} on; earlier shifts stay as they were.` : `${result.rotation.name} was saved.`);
      } else {
        const rotation = await this.store.create(teamId, request);
        this.edit(rotation);
        this.notice.set(`${rotation.name} was added.`);
      }
    } catch (failure) {
      const error = failure as ApiError;
      const fields: Record<string, string> = {};
      for (const field of error.fields ?? []) fields[field.field.split('.')[0] ?? field.field] = field.message.replace(/^[\w.]+:\s*/, '');
      this.fieldErrors.set(fields);
      this.formError.set(error.message);
    } finally {
      this.busy.set(false);
    }
  }

  protected selectTeam(teamId: string): void {
    this.editing.set(null);
    this.notice.set('');
    void this.context.selectTeam(teamId);
  }

  /** Ending is asked first: it cannot be undone from here. */
  async confirmEnd(): Promise<void> {
    const rotation = this.ending();
    const teamId = this.context.teamId();
    if (!rotation || !teamId) return;
    this.endingBusy.set(true);
    this.endError.set('');
    try {
      const result = await this.store.remove(teamId, rotation.id);
      this.notice.set(result.outcome === 'ended' ? `${rotation.name} was ended; its past shifts stay.` : `${rotation.name} was deleted.`);
      if (this.editing() === rotation.id) this.editing.set(null);
    } catch (failure) {
      this.endError.set((failure as ApiError).message);
    } finally {
      this.endingBusy.set(false);
      this.ending.set(null);
    }
  }

  /** Started = its first day is today or earlier in its own zone. */
  protected hasStarted(rotation: Rotation): boolean {
    return rotation.startDate <= todayIn(rotation.timeZone, this.clock.now().getTime());
  }

  protected onImportClosed(outcome: ScheduleImportOutcome): void {
    this.importing.set(null);
    if (outcome.imported) this.notice.set(outcome.message);
  }

  protected describe(rotation: Rotation): string {
    const days = fromRotation(rotation).weekdays;
    const dayText = days.length === 7 ? 'every day' : days.map((d) => BYDAY_LABELS[d]).join(', ');
    return `${rotation.localStartTime}–${rotation.localEndTime} ${rotation.timeZone} · ${dayText} · ${rotation.agentIds.length} ${rotation.agentIds.length === 1 ? 'agent' : 'agents'}`;
  }

  private resetState(): void {
    this.changed.set(false);
    this.formError.set('');
    this.fieldErrors.set({});
  }

  private toRows(occurrences: RotationPreviewOccurrence[], zone: string): PreviewRow[] {
    const names = this.context.agentsById();
    return occurrences.map((o) => ({
      index: o.index + 1,
      day: formatDayLabel(o.localDate),
      span: safeSpan(o.start, o.end, zone),
      agents: o.agentIds.map((id) => names.get(id)?.displayName ?? id).join(', '),
    }));
  }
}

function safeSpan(start: string, end: string, zone: string): string {
  try {
    return formatSpan(Date.parse(start), Date.parse(end), zone);
  } catch {
    return `${start} – ${end}`;
  }
}
