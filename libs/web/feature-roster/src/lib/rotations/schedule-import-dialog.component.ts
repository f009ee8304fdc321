import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { ApiError, ImportScheduleResponse } from '@shiftdesk/shared-api-contract';
import { RotationsStore } from '@shiftdesk/web-data-access-schedule';
import { DryRunActionsComponent, ModalDialogComponent } from '@shiftdesk/web-ui';
import { readChosenTextFile } from '@shiftdesk/web-util';
import { TeamContextStore } from '../shared/team-context.store';
import { describeImportedRotation, describeTurns } from './schedule-import';

/** The tools a desk moves from (both being shut down). */
export type ScheduleImportSource = 'opsgenie' | 'grafana-oncall';

/** What happened, for the page's notice. */
export type ScheduleImportOutcome = { imported: true; message: string } | { imported: false };

/** Largest file read into a box: a schedule with many rotations, or a users list of a big org, is far smaller. */
const MAX_FILE_BYTES = 2_000_000;

/**
 * Moving from Opsgenie or Grafana OnCall: paste (or pick the file of) what their API returns,
 * preview the rotations it becomes — who works the next shifts, what cannot be carried over — and
 * import them in one go. The preview is the API's dry run, so what is shown is what is written.
 */
@Component({
  selector: 'sd-schedule-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent, DryRunActionsComponent],
  template: `
    <sd-modal-dialog [open]="!!source()" labelledBy="schedule-import-title" width="720px" testId="schedule-import-dialog" [busy]="busy()" (dismissed)="cancel()">
      @if (source(); as from) {
        <form (submit)="$event.preventDefault(); preview()" novalidate>
          @if (from === 'opsgenie') {
            <h2 id="schedule-import-title" class="dialog-title">Import an Opsgenie schedule</h2>
            <p class="muted">
              Paste the answer of Opsgenie's <code>GET /v2/schedules/&#123;id&#125;</code> (or choose the saved file). Its rotations become rotations of
              <strong>{{ context.team()?.name }}</strong>, each participant matched to the agent with the same email; turns go on as they stand on the start date.
            </p>
          } @else {
            <h2 id="schedule-import-title" class="dialog-title">Import Grafana OnCall rotations</h2>
            <p class="muted">
              Paste the answers of OnCall's <code>GET /api/v1/on_call_shifts/?schedule_id=…</code> and <code>GET /api/v1/users/</code> (or choose the saved files).
              The rotations become rotations of <strong>{{ context.team()?.name }}</strong>, each user matched to the agent with the same email; turns go on as they stand on the start date.
            </p>
          }
          @if (error()) {
            <div class="alert alert-error" role="alert" data-testid="schedule-import-error">{{ error() }}</div>
          }
          <div class="field">
            <label for="schedule-import-text">{{ from === 'opsgenie' ? 'Schedule (JSON)' : 'Shifts (JSON)' }}</label>
            <textarea id="schedule-import-text" rows="7" spellcheck="false" [value]="text()" (input)="setText($any($event.target).value)" [placeholder]="from === 'opsgenie' ? opsgeniePlaceholder : oncallPlaceholder"></textarea>
          </div>
          <div class="import-row">
            <div class="field">
              <label for="schedule-import-file">Or a file</label>
              <input id="schedule-import-file" type="file" accept=".json,application/json" (change)="readFile($event, 'text')" />
            </div>
            <div class="field">
              <label for="schedule-import-from">Start on</label>
              <input id="schedule-import-from" type="date" [value]="startOn()" (input)="setStartOn($any($event.target).value)" />
              <p class="field-hint">Blank: today, in the {{ from === 'opsgenie' ? "schedule's" : "rotation's" }} zone.</p>
            </div>
          </div>
          @if (from === 'grafana-oncall') {
            <div class="field">
              <label for="schedule-import-users">Users (JSON)</label>
              <textarea id="schedule-import-users" rows="4" spellcheck="false" [value]="users()" (input)="setUsers($any($event.target).value)" placeholder='{"results": [{"id": "U4DNY931HHJS5", "email": "anna@example.com", …}]}'></textarea>
              <p class="field-hint">Every page of the list, pasted one after another.</p>
            </div>
            <div class="import-row">
              <div class="field">
                <label for="schedule-import-users-file">Or the users file</label>
                <input id="schedule-import-users-file" type="file" accept=".json,application/json" (change)="readFile($event, 'users')" />
              </div>
              <div class="field">
                <label for="schedule-import-zone">Schedule's time zone</label>
                <input id="schedule-import-zone" type="text" spellcheck="false" [value]="zone()" (input)="setZone($any($event.target).value)" />
                <p class="field-hint">For shifts without their own zone.</p>
              </div>
            </div>
          }
          <label class="checkbox">
            <input type="checkbox" [checked]="addMissing()" (change)="setAddMissing($any($event.target).checked)" data-testid="schedule-import-add-missing" />
            Add people who are not agents yet:
            {{ from === 'opsgenie' ? 'named by their email before the @, in the team’s zone' : 'named and zoned as OnCall says (else by their email before the @, in the team’s zone)' }}; remote, 40 h a week, no login, for you to complete on the Agents page
          </label>

          @if (result(); as r) {
            <section class="import-preview" aria-labelledby="schedule-import-preview-title" data-testid="schedule-import-preview">
              <h3 id="schedule-import-preview-title">{{ r.scheduleName }} · {{ r.rotations.length }} {{ r.rotations.length === 1 ? 'rotation' : 'rotations' }} from {{ r.from }}</h3>
              <ul class="plain-list">
                @for (rotation of r.rotations; track $index) {
                  <li class="import-rotation" data-testid="schedule-import-rotation">
                    <strong>{{ rotation.name }}</strong>
                    <span class="subtle">{{ describe(rotation) }}</span>
                    <span class="subtle" data-testid="schedule-import-turns">{{ turns(rotation).join(' · ') }}</span>
                  </li>
                }
              </ul>
              @if (r.addedAgents.length) {
                <div class="alert alert-info" role="status" data-testid="schedule-import-added">
                  <p><strong>{{ r.dryRun ? 'Adds' : 'Added' }} {{ r.addedAgents.length }} {{ r.addedAgents.length === 1 ? 'agent' : 'agents' }}</strong></p>
                  <ul>
                    @for (agent of r.addedAgents; track agent.id) { <li>{{ agent.displayName }} · {{ agent.email }} · {{ agent.timeZone }}</li> }
                  </ul>
                </div>
              }
              @if (r.warnings.length) {
                <div class="alert alert-warning" role="status">
                  <p><strong>Not carried over exactly</strong></p>
                  <ul data-testid="schedule-import-warnings">
                    @for (warning of r.warnings; track $index) { <li>{{ warning }}</li> }
                  </ul>
                </div>
              }
            </section>
          }

          <sd-dry-run-actions
            [busy]="busy()"
            [importing]="importing()"
            [ready]="!!text().trim()"
            checkLabel="Preview"
            checkingLabel="Reading…"
            [importLabel]="importLabel()"
            checkTestId="schedule-import-preview-button"
            importTestId="schedule-import-button"
            (cancelled)="cancel()"
            (imported)="import()"
          />
        </form>
      }
    </sd-modal-dialog>
  `,
  styles: `
    textarea { width: 100%; font-family: var(--font-mono, ui-monospace, monospace); font-size: 12px; }
    .import-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0 16px; }
    .import-preview { margin-top: 8px; }
    .import-preview h3 { font-size: 14px; margin: 0 0 6px; }
    .import-rotation { display: flex; flex-direction: column; gap: 2px; padding: 6px 0; border-bottom: 1px solid var(--border); }
    .import-preview .alert { display: block; margin-bottom: 8px; }
    .alert ul { margin: 4px 0 0; padding-left: 18px; }
    .alert p { margin: 0; }
  `,
})
export class ScheduleImportDialogComponent {
  protected readonly context = inject(TeamContextStore);
  private readonly store = inject(RotationsStore);

  /** The tool to import from; null closes the dialog. */
  readonly source = input<ScheduleImportSource | null>(null);
  readonly closed = output<ScheduleImportOutcome>();

  protected readonly opsgeniePlaceholder = '{"data": {"name": "…", "timezone": "Europe/Berlin", "rotations": [ … ]}}';
  protected readonly oncallPlaceholder = '{"results": [{"name": "…", "type": "rolling_users", "start": "2026-01-05T09:00:00", "duration": 604800, …}]}';
  /** The schedule (Opsgenie) or the shifts (Grafana OnCall). */
  protected readonly text = signal('');
  protected readonly users = signal('');
  protected readonly zone = signal('');
  protected readonly startOn = signal('');
  /** Add the people on call who are not agents yet (`addMissingAgents`). */
  protected readonly addMissing = signal(false);
  protected readonly busy = signal(false);
  protected readonly importing = signal(false);
  protected readonly error = signal('');
  /** The dry run of what the form holds now; cleared on any edit, so Import always writes what was shown. */
  protected readonly result = signal<ImportScheduleResponse | null>(null);
  private readonly names = computed(() => this.context.agentsById());
  private lastSource: ScheduleImportSource | null = null;

  /** Each opening starts with no old answer; texts stay for a second try from the same tool. */
  private readonly reset = effect(() => {
    const source = this.source();
    if (!source) return;
    untracked(() => {
      if (source !== this.lastSource) {
        this.text.set('');
        this.users.set('');
      }
      this.lastSource = source;
      if (!this.zone()) this.zone.set(this.context.teamZone());
      this.error.set('');
      this.result.set(null);
    });
  });

  protected setText(value: string): void {
    this.text.set(value);
    this.result.set(null);
  }

  protected setUsers(value: string): void {
    this.users.set(value);
    this.result.set(null);
  }

  protected setZone(value: string): void {
    this.zone.set(value.trim());
    this.result.set(null);
  }

  protected setStartOn(value: string): void {
    this.startOn.set(value);
    this.result.set(null);
  }

  protected setAddMissing(value: boolean): void {
    this.addMissing.set(value);
    this.result.set(null);
  }

  protected async readFile(event: Event, into: 'text' | 'users'): Promise<void> {
    const file = await readChosenTextFile(event, MAX_FILE_BYTES);
    if (file.kind === 'none') return;
    if (file.kind === 'too-large') {
      this.error.set(`${file.name} is ${file.kilobytes} kB: an export of schedules or users is far smaller. Is it the right file?`);
      return;
    }
    this.error.set('');
    if (into === 'users') this.setUsers(file.text);
    else this.setText(file.text);
  }

  protected describe = describeImportedRotation;

  /** `Import 2 rotations` once a preview has answered. */
  protected readonly importLabel = computed(() => {
    const count = this.result()?.rotations.length;
    return count === undefined ? '' : `Import ${count} ${count === 1 ? 'rotation' : 'rotations'}`;
  });

  protected turns(rotation: ImportScheduleResponse['rotations'][number]): string[] {
    // Agents the import adds are not in the team's list yet: their names come with the answer.
    const added = new Map(this.result()?.addedAgents.map((agent) => [agent.id, agent.displayName]));
    return describeTurns(rotation.next, (id) => this.names().get(id)?.displayName ?? added.get(id) ?? 'an agent');
  }

  async preview(): Promise<void> {
    const result = await this.send(true);
    if (result) this.result.set(result);
  }

  async import(): Promise<void> {
    this.importing.set(true);
    const result = await this.send(false);
    this.importing.set(false);
    if (!result) return;
    const count = result.created.length;
    const from = this.source() === 'opsgenie' ? `"${result.scheduleName}"` : 'Grafana OnCall';
    const added = result.addedAgents.length;
    // The new agents join the team's list, so the rotations and the board name them.
    const teamId = this.context.teamId();
    if (added && teamId) await this.context.selectTeam(teamId);
    const agents = added ? ` and added ${added} ${added === 1 ? 'agent' : 'agents'} (complete them on the Agents page)` : '';
    this.closed.emit({ imported: true, message: `Imported ${count} ${count === 1 ? 'rotation' : 'rotations'} from ${from}, from ${result.from}${agents}.` });
    this.text.set('');
    this.users.set('');
    this.startOn.set('');
    this.addMissing.set(false);
    this.result.set(null);
  }

  private async send(dryRun: boolean): Promise<ImportScheduleResponse | null> {
    const teamId = this.context.teamId();
    const source = this.source();
    if (!teamId || !source || !this.text().trim()) return null;
    this.busy.set(true);
    this.error.set('');
    const options = { ...(this.startOn() ? { from: this.startOn() } : {}), ...(this.addMissing() ? { addMissingAgents: true } : {}), dryRun };
    try {
      return source === 'opsgenie'
        ? await this.store.importOpsgenie(teamId, { schedule: this.text(), ...options })
        : await this.store.importGrafanaOncall(teamId, { shifts: this.text(), ...(this.users().trim() ? { users: this.users() } : {}), ...(this.zone() ? { timeZone: this.zone() } : {}), ...options });
    } catch (failure) {
      const error = failure as ApiError;
      this.result.set(null);
      // Field messages name their field already (`shifts.0.duration: must be …`).
      this.error.set(error.fields?.length ? error.fields.map((field) => field.message).join(' ') : error.message);
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    if (!this.busy()) this.closed.emit({ imported: false });
  }
}
