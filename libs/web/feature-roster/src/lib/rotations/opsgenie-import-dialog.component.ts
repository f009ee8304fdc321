import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { ApiError, ImportScheduleResponse } from '@shiftdesk/shared-api-contract';
import { RotationsStore } from '@shiftdesk/web-data-access-schedule';
import { ModalDialogComponent } from '@shiftdesk/web-ui';
import { readChosenTextFile } from '@shiftdesk/web-util';
import { TeamContextStore } from '../shared/team-context.store';
import { describeImportedRotation, describeTurns } from './opsgenie-import';

/** What happened, for the page's notice. */
export type OpsgenieImportOutcome = { imported: true; message: string } | { imported: false };

/** Largest file read into the box: an Opsgenie schedule with many rotations is a few tens of kB. */
const MAX_FILE_BYTES = 2_000_000;

/**
 * Moving from Opsgenie: paste (or pick the file of) a schedule as its API returns it, preview the
 * rotations it becomes — who works the next shifts, what cannot be carried over — and import them
 * in one go. The preview is the API's dry run, so what is shown is what is written.
 */
@Component({
  selector: 'sd-opsgenie-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent],
  template: `
    <sd-modal-dialog [open]="open()" labelledBy="opsgenie-title" width="720px" testId="opsgenie-dialog" [busy]="busy()" (dismissed)="cancel()">
      @if (open()) {
        <form (submit)="$event.preventDefault(); preview()" novalidate>
          <h2 id="opsgenie-title" class="dialog-title">Import an Opsgenie schedule</h2>
          <p class="muted">
            Paste the answer of Opsgenie's <code>GET /v2/schedules/&#123;id&#125;</code> (or choose the saved file). Its rotations become rotations of
            <strong>{{ context.team()?.name }}</strong>, each participant matched to the agent with the same email; turns go on as they stand on the start date.
          </p>
          @if (error()) {
            <div class="alert alert-error" role="alert" data-testid="opsgenie-error">{{ error() }}</div>
          }
          <div class="field">
            <label for="opsgenie-json">Schedule (JSON)</label>
            <textarea id="opsgenie-json" rows="8" spellcheck="false" [value]="text()" (input)="setText($any($event.target).value)" placeholder='{"data": {"name": "…", "timezone": "Europe/Berlin", "rotations": [ … ]}}'></textarea>
          </div>
          <div class="opsgenie-row">
            <div class="field">
              <label for="opsgenie-file">Or a file</label>
              <input id="opsgenie-file" type="file" accept=".json,application/json" (change)="readFile($event)" />
            </div>
            <div class="field">
              <label for="opsgenie-from">Start on</label>
              <input id="opsgenie-from" type="date" [value]="from()" (input)="setFrom($any($event.target).value)" />
              <p class="field-hint">Blank: today, in the schedule's zone.</p>
            </div>
          </div>

          @if (result(); as r) {
            <section class="opsgenie-preview" aria-labelledby="opsgenie-preview-title" data-testid="opsgenie-preview">
              <h3 id="opsgenie-preview-title">{{ r.scheduleName }} · {{ r.rotations.length }} {{ r.rotations.length === 1 ? 'rotation' : 'rotations' }} from {{ r.from }}</h3>
              <ul class="plain-list">
                @for (rotation of r.rotations; track $index) {
                  <li class="opsgenie-rotation" data-testid="opsgenie-rotation">
                    <strong>{{ rotation.name }}</strong>
                    <span class="subtle">{{ describe(rotation) }}</span>
                    <span class="subtle" data-testid="opsgenie-turns">{{ turns(rotation).join(' · ') }}</span>
                  </li>
                }
              </ul>
              @if (r.warnings.length) {
                <div class="alert alert-warning" role="status">
                  <p><strong>Not carried over exactly</strong></p>
                  <ul data-testid="opsgenie-warnings">
                    @for (warning of r.warnings; track $index) { <li>{{ warning }}</li> }
                  </ul>
                </div>
              }
            </section>
          }

          <div class="dialog-actions">
            <button type="button" class="btn btn-ghost" (click)="cancel()" [disabled]="busy()">Cancel</button>
            <button type="submit" class="btn" [class.btn-primary]="!result()" [class.btn-ghost]="!!result()" [disabled]="busy() || !text().trim()" data-testid="opsgenie-preview-button">
              {{ busy() && !importing() ? 'Reading…' : 'Preview' }}
            </button>
            @if (result(); as r) {
              <button type="button" class="btn btn-primary" (click)="import()" [disabled]="busy()" data-testid="opsgenie-import-button">
                {{ importing() ? 'Importing…' : 'Import ' + r.rotations.length + (r.rotations.length === 1 ? ' rotation' : ' rotations') }}
              </button>
            }
          </div>
        </form>
      }
    </sd-modal-dialog>
  `,
  styles: `
    textarea { width: 100%; font-family: var(--font-mono, ui-monospace, monospace); font-size: 12px; }
    .opsgenie-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 0 16px; }
    .opsgenie-preview { margin-top: 8px; }
    .opsgenie-preview h3 { font-size: 14px; margin: 0 0 6px; }
    .opsgenie-rotation { display: flex; flex-direction: column; gap: 2px; padding: 6px 0; border-bottom: 1px solid var(--border); }
    .opsgenie-preview .alert { display: block; }
    .alert ul { margin: 4px 0 0; padding-left: 18px; }
    .alert p { margin: 0; }
  `,
})
export class OpsgenieImportDialogComponent {
  protected readonly context = inject(TeamContextStore);
  private readonly store = inject(RotationsStore);

  readonly open = input(false);
  readonly closed = output<OpsgenieImportOutcome>();

  protected readonly text = signal('');
  protected readonly from = signal('');
  protected readonly busy = signal(false);
  protected readonly importing = signal(false);
  protected readonly error = signal('');
  /** The dry run of the current text and date; cleared when either changes, so Import always writes what was shown. */
  protected readonly result = signal<ImportScheduleResponse | null>(null);
  private readonly names = computed(() => this.context.agentsById());

  /** Each opening starts with no old answer; the text stays for a second try. */
  private readonly reset = effect(() => {
    if (!this.open()) return;
    untracked(() => {
      this.error.set('');
      this.result.set(null);
    });
  });

  protected setText(value: string): void {
    this.text.set(value);
    this.result.set(null);
  }

  protected setFrom(value: string): void {
    this.from.set(value);
    this.result.set(null);
  }

  protected async readFile(event: Event): Promise<void> {
    const file = await readChosenTextFile(event, MAX_FILE_BYTES);
    if (file.kind === 'none') return;
    if (file.kind === 'too-large') {
      this.error.set(`${file.name} is ${file.kilobytes} kB: an Opsgenie schedule is far smaller. Is it the right file?`);
      return;
    }
    this.error.set('');
    this.setText(file.text);
  }

  protected describe = describeImportedRotation;

  protected turns(rotation: ImportScheduleResponse['rotations'][number]): string[] {
    return describeTurns(rotation.next, (id) => this.names().get(id)?.displayName ?? 'an agent');
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
    this.closed.emit({ imported: true, message: `Imported ${count} ${count === 1 ? 'rotation' : 'rotations'} from "${result.scheduleName}", from ${result.from}.` });
    this.text.set('');
    this.from.set('');
    this.result.set(null);
  }

  private async send(dryRun: boolean): Promise<ImportScheduleResponse | null> {
    const teamId = this.context.teamId();
    if (!teamId || !this.text().trim()) return null;
    this.busy.set(true);
    this.error.set('');
    try {
      return await this.store.importOpsgenie(teamId, { schedule: this.text(), ...(this.from() ? { from: this.from() } : {}), dryRun });
    } catch (failure) {
      const error = failure as ApiError;
      this.result.set(null);
      // Field messages name their field already (`schedule.rotations.0.startDate: must be …`).
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
