import { ChangeDetectionStrategy, Component, input, signal } from '@angular/core';
import { PREFERENCE_STRENGTHS, type CreateShiftPreferenceRequest, type PreferenceKind, type PreferenceStrength, type ShiftPreference } from '@shiftdesk/shared-api-contract';
import { describePreferenceWhen, PREFERENCE_KIND_LABELS, PREFERENCE_STRENGTH_LABELS } from '@shiftdesk/web-util';
import { BadgeComponent } from './badge.component';

const WEEKDAYS = [
  { day: 1, label: 'Mon' },
  { day: 2, label: 'Tue' },
  { day: 3, label: 'Wed' },
  { day: 4, label: 'Thu' },
  { day: 5, label: 'Fri' },
  { day: 6, label: 'Sat' },
  { day: 7, label: 'Sun' },
];

/** What the editor asks its source to add (the source knows the agent). */
export type NewPreference = Omit<CreateShiftPreferenceRequest, 'agentId'>;

/**
 * Where the editor's preferences live and go (data-access's PreferencesStore fits): signals to
 * read, and calls that resolve true on success or leave the API's messages in `error` and
 * `fieldErrors` (by field name).
 */
export interface PreferencesSource {
  items(): readonly ShiftPreference[];
  loading(): boolean;
  busy(): boolean;
  error(): string;
  fieldErrors(): Readonly<Record<string, string>>;
  add(preference: NewPreference): Promise<boolean>;
  remove(id: string): Promise<boolean>;
}

/**
 * An agent's shift preferences: the list (with remove) and a form to add one: work or free, one
 * date or every week on some days, the whole day or a window, and how much it matters. Times are
 * on the agent's own clock (`zone`). The `source` does the calls; the form clears after an add.
 */
@Component({
  selector: 'sd-preferences-editor',
  imports: [BadgeComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card form-card preferences-card" aria-labelledby="preferences-title" data-testid="preferences">
      <h2 id="preferences-title">{{ heading() }}</h2>
      <p class="muted">The roster generator honours these where the desk stays covered; cover and labour rules come first. Times are on {{ owner() }} clock ({{ zone() }}).</p>
      @if (source().error()) {
        <div class="alert alert-error" role="alert" data-testid="preference-error">{{ source().error() }}</div>
      }
      @if (source().loading()) {
        <p class="subtle">Loading preferences…</p>
      } @else {
        <ul class="plain-list" data-testid="preference-list">
          @for (item of source().items(); track item.id) {
            <li class="list-row preference-row" data-testid="preference-item">
              <div>
                <sd-badge [tone]="item.kind === 'off' ? 'neutral' : 'success'">{{ item.kind === 'off' ? 'Free' : 'Work' }}</sd-badge>
                <strong>{{ when(item) }}</strong>
                <span class="subtle"> · {{ strengthLabels[item.strength] }}</span>
                @if (item.note) { <p class="field-hint">{{ item.note }}</p> }
              </div>
              <button type="button" class="btn btn-ghost btn-small btn-danger-text" [disabled]="source().busy()" (click)="source().remove(item.id)" [attr.aria-label]="'Remove preference: ' + when(item)">Remove</button>
            </li>
          } @empty {
            <li class="subtle" data-testid="preference-empty">No preferences yet.</li>
          }
        </ul>
      }

      <form class="preference-form" (submit)="onSubmit($event)" novalidate>
        <fieldset class="field">
          <legend>Wish</legend>
          @for (kind of kinds; track kind) {
            <label class="inline-choice"><input type="radio" name="preference-kind" [value]="kind" [checked]="kind === kindValue()" (change)="kindValue.set(kind)" [attr.data-testid]="'preference-kind-' + kind" /> {{ kindLabels[kind] }}</label>
          }
        </fieldset>
        <fieldset class="field">
          <legend>When</legend>
          <label class="inline-choice"><input type="radio" name="preference-repeat" [checked]="!weekly()" (change)="weekly.set(false)" data-testid="preference-once" /> One date</label>
          <label class="inline-choice"><input type="radio" name="preference-repeat" [checked]="weekly()" (change)="weekly.set(true)" data-testid="preference-weekly" /> Every week</label>
          @if (weekly()) {
            <div class="weekday-picks" role="group" aria-label="Weekdays">
              @for (w of weekdays; track w.day) {
                <label class="inline-choice"><input type="checkbox" [checked]="days().includes(w.day)" (change)="toggleDay(w.day)" [attr.data-testid]="'preference-day-' + w.day" /> {{ w.label }}</label>
              }
            </div>
            @if (source().fieldErrors()['weekdays']; as e) { <p class="field-error" data-testid="preference-error-weekdays">{{ e }}</p> }
          } @else {
            <label class="sr-only" for="preference-date">Date</label>
            <input id="preference-date" type="date" [value]="date()" (input)="date.set($any($event.target).value)" data-testid="preference-date" />
          }
          @if (source().fieldErrors()['date']; as e) { <p class="field-error" data-testid="preference-error-date">{{ e }}</p> }
        </fieldset>
        <fieldset class="field">
          <legend>Hours</legend>
          <label class="inline-choice"><input type="checkbox" [checked]="wholeDay()" (change)="wholeDay.set(!wholeDay())" data-testid="preference-whole-day" /> Whole day</label>
          @if (!wholeDay()) {
            <span class="time-range">
              <label for="preference-start">From</label>
              <input id="preference-start" type="time" [value]="startTime()" (input)="startTime.set($any($event.target).value)" data-testid="preference-start" />
              <label for="preference-end">to</label>
              <input id="preference-end" type="time" [value]="endTime()" (input)="endTime.set($any($event.target).value)" data-testid="preference-end" />
            </span>
            <p class="field-hint">An end before the start runs into the next day (22:00 to 06:00).</p>
          }
          @for (key of ['startTime', 'endTime']; track key) {
            @if (source().fieldErrors()[key]; as e) { <p class="field-error">{{ e }}</p> }
          }
        </fieldset>
        <div class="field">
          <label for="preference-strength">How much it matters</label>
          <select id="preference-strength" (change)="strength.set($any($event.target).value)" data-testid="preference-strength">
            @for (s of strengths; track s) { <option [value]="s" [selected]="s === strength()">{{ strengthLabels[s] }}</option> }
          </select>
        </div>
        <div class="field">
          <label for="preference-note">Note <span class="optional">(optional)</span></label>
          <input id="preference-note" type="text" maxlength="200" [value]="note()" (input)="note.set($any($event.target).value)" data-testid="preference-note" />
        </div>
        <div class="form-actions">
          <button type="submit" class="btn btn-primary" [disabled]="source().busy()" data-testid="preference-add">{{ source().busy() ? 'Saving…' : 'Add preference' }}</button>
        </div>
      </form>
    </section>
  `,
  styles: `
    .preference-form { display: grid; gap: 0.75rem; margin-top: 1rem; }
    fieldset.field { border: 0; padding: 0; margin: 0; }
    legend { font-weight: 600; margin-bottom: 0.25rem; }
    .inline-choice { display: inline-flex; align-items: center; gap: 0.3rem; margin-right: 0.9rem; font-weight: normal; }
    .weekday-picks { margin-top: 0.4rem; }
    .time-range { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; margin-top: 0.4rem; }
    .time-range label { margin: 0; font-weight: normal; }
    .time-range input { width: 9rem; }
    #preference-date { width: 11rem; margin-top: 0.4rem; }
    #preference-strength { max-width: 16rem; }
    #preference-note { max-width: 32rem; }
    .preference-row { align-items: flex-start; }
  `,
})
export class PreferencesEditorComponent {
  readonly source = input.required<PreferencesSource>();
  /** The agent's zone: the times are read on its clock. */
  readonly zone = input.required<string>();
  readonly heading = input('Shift preferences');
  /** `your` for the agent, `the agent’s` for a manager. */
  readonly owner = input('your');

  protected readonly kinds: readonly PreferenceKind[] = ['off', 'work'];
  protected readonly strengths = PREFERENCE_STRENGTHS;
  protected readonly kindLabels = PREFERENCE_KIND_LABELS;
  protected readonly strengthLabels = PREFERENCE_STRENGTH_LABELS;
  protected readonly weekdays = WEEKDAYS;

  protected readonly kindValue = signal<PreferenceKind>('off');
  protected readonly weekly = signal(false);
  protected readonly date = signal('');
  protected readonly days = signal<number[]>([]);
  protected readonly wholeDay = signal(true);
  protected readonly startTime = signal('');
  protected readonly endTime = signal('');
  protected readonly strength = signal<PreferenceStrength>('normal');
  protected readonly note = signal('');

  protected when(item: ShiftPreference): string {
    return describePreferenceWhen(item);
  }

  protected toggleDay(day: number): void {
    this.days.update((days) => (days.includes(day) ? days.filter((d) => d !== day) : [...days, day].sort((a, b) => a - b)));
  }

  protected async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    // Empty fields go as they are: the API says what is missing, in one place.
    const added = await this.source().add({
      kind: this.kindValue(),
      ...(this.weekly() ? { weekdays: this.days() } : { date: this.date() || null }),
      startTime: this.wholeDay() ? null : this.startTime() || null,
      endTime: this.wholeDay() ? null : this.endTime() || null,
      strength: this.strength(),
      note: this.note().trim() || null,
    });
    // Ready for the next one, keeping the kind, hours and strength.
    if (added) {
      this.date.set('');
      this.days.set([]);
      this.note.set('');
    }
  }
}
