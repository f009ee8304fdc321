import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { ApiError, FieldError, ImportAgentsResponse, TemporaryLogin } from '@shiftdesk/shared-api-contract';
import { AgentsApi } from '@shiftdesk/web-data-access';
import { DryRunActionsComponent, ModalDialogComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, readChosenTextFile, saveText, toApiError, toCsv } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { DirectoryStore } from '../shared/directory.store';

/** What happened, for the list's notice. */
export type AgentImportOutcome = { imported: true; count: number; teamName: string } | { imported: false };

/** Largest file read into the box: a few thousand agents are far smaller. */
const MAX_FILE_BYTES = 2_000_000;
/** The columns, as the dialog shows them and as a template file starts. */
export const AGENT_CSV_TEMPLATE = 'name,email,time zone,work mode,languages,channels,contract hours,region\nAnna Smirnova,anna.smirnova@example.com,Europe/Moscow,office,ru:native; en:fluent,email; chat,40,\n';

/**
 * A desk moving in brings its people as a spreadsheet: paste or pick a CSV, check it (the API's dry
 * run: every row by the rules of one agent, every problem by line and column), then import all
 * rows in one go. Nothing is written while any row is wrong.
 */
@Component({
  selector: 'sd-agent-import-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ModalDialogComponent, DryRunActionsComponent],
  template: `
    <sd-modal-dialog [open]="open()" labelledBy="agent-import-title" width="860px" testId="agent-import-dialog" [busy]="busy()" (dismissed)="cancel()">
      @if (open() && logins().length) {
        <h2 id="agent-import-title" class="dialog-title">Logins for the imported agents</h2>
        <div class="alert alert-warning" role="status">
          These temporary passwords are shown only now: download them or copy them before you close this. Each works until {{ loginsExpire() }},
          and only to choose a password of one's own at the first sign-in.
        </div>
        <div class="table-wrap">
          <table class="table" data-testid="agent-import-logins">
            <caption class="visually-hidden">Temporary logins</caption>
            <thead><tr><th scope="col">Name</th><th scope="col">Email (sign-in)</th><th scope="col">Temporary password</th></tr></thead>
            <tbody>
              @for (login of logins(); track login.agentId) {
                <tr data-testid="agent-import-login">
                  <td>{{ login.displayName }}</td>
                  <td>{{ login.email }}</td>
                  <td><code>{{ login.temporaryPassword }}</code></td>
                </tr>
              }
            </tbody>
          </table>
        </div>
        <div class="dialog-actions">
          <button type="button" class="btn btn-ghost" (click)="downloadLogins()" data-testid="agent-import-logins-csv">Download CSV</button>
          <button type="button" class="btn btn-primary" (click)="finish()" data-testid="agent-import-done">Done</button>
        </div>
      } @else if (open()) {
        <form (submit)="$event.preventDefault(); check()" novalidate>
          <h2 id="agent-import-title" class="dialog-title">Import agents from a CSV</h2>
          <p class="muted">
            The first line names the columns: <code>name, email, time zone</code>, and as you have them <code>work mode, languages, channels, contract hours, region</code>.
            Lists are separated by <code>;</code>, a language is <code>code:level</code> (<code>ru:native; en:fluent</code>).
          </p>
          @if (error()) {
            <div class="alert alert-error" role="alert" data-testid="agent-import-error">
              <p>{{ error() }}</p>
              @if (problems().length) {
                <ul data-testid="agent-import-problems">
                  @for (problem of problems(); track $index) { <li>{{ problem.message }}</li> }
                </ul>
              }
            </div>
          }
          <div class="import-row">
            <div class="field">
              <label for="agent-import-team">Team</label>
              <select id="agent-import-team" [value]="teamId()" (change)="setTeam($any($event.target).value)">
                <option value="" disabled>Choose a team</option>
                @for (team of directory.sortedTeams(); track team.id) {
                  <option [value]="team.id" [selected]="team.id === teamId()">{{ team.name }}</option>
                }
              </select>
            </div>
            <div class="field">
              <label for="agent-import-file">File</label>
              <input id="agent-import-file" type="file" accept=".csv,text/csv" (change)="readFile($event)" />
            </div>
          </div>
          <div class="field">
            <label for="agent-import-csv">CSV</label>
            <textarea id="agent-import-csv" rows="7" spellcheck="false" [value]="text()" (input)="setText($any($event.target).value)" [placeholder]="template"></textarea>
          </div>

          <label class="checkbox">
            <input type="checkbox" [checked]="makeLogins()" (change)="setMakeLogins($any($event.target).checked)" data-testid="agent-import-logins-option" />
            Make a login for each, with a temporary password (shown once, after the import) they replace at their first sign-in
          </label>

          @if (result(); as r) {
            <div class="table-wrap" data-testid="agent-import-preview">
              <table class="table">
                <caption class="visually-hidden">Agents to import</caption>
                <thead><tr><th scope="col">Line</th><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Zone</th><th scope="col">Languages</th><th scope="col">Channels</th><th scope="col">Hours</th></tr></thead>
                <tbody>
                  @for (agent of r.agents; track agent.line) {
                    <tr data-testid="agent-import-row">
                      <td class="num">{{ agent.line }}</td>
                      <td>{{ agent.displayName }}</td>
                      <td>{{ agent.email }}</td>
                      <td>{{ agent.timeZone }}</td>
                      <td>{{ languages(agent.languages) }}</td>
                      <td>{{ channels(agent.channels) }}</td>
                      <td class="num">{{ agent.contractHoursPerWeek }}</td>
                    </tr>
                  }
                </tbody>
              </table>
            </div>
          }

          <sd-dry-run-actions
            [busy]="busy()"
            [importing]="importing()"
            [ready]="!!text().trim() && !!teamId()"
            [importLabel]="importLabel()"
            checkTestId="agent-import-check"
            importTestId="agent-import-submit"
            (cancelled)="cancel()"
            (imported)="import()"
          />
        </form>
      }
    </sd-modal-dialog>
  `,
  styles: `
    textarea { width: 100%; font-family: var(--font-mono, ui-monospace, monospace); font-size: 12px; }
    .import-row { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 0 16px; }
    .table-wrap { max-height: 280px; overflow: auto; margin-top: 8px; }
    .alert { display: block; }
    .alert p { margin: 0; }
    .alert ul { margin: 4px 0 0; padding-left: 18px; max-height: 160px; overflow: auto; }
    .checkbox { display: flex; gap: 8px; align-items: center; margin: 4px 0 8px; }
  `,
})
export class AgentImportDialogComponent {
  protected readonly directory = inject(DirectoryStore);
  private readonly api = inject(AgentsApi);

  readonly open = input(false);
  /** The team chosen when the dialog opens (the list's team filter). */
  readonly initialTeamId = input('');
  readonly closed = output<AgentImportOutcome>();

  protected readonly template = AGENT_CSV_TEMPLATE;
  protected readonly teamId = signal('');
  protected readonly text = signal('');
  protected readonly busy = signal(false);
  protected readonly importing = signal(false);
  protected readonly error = signal('');
  protected readonly problems = signal<FieldError[]>([]);
  /** The check of the current text and team; cleared when either changes, so Import writes what was shown. */
  protected readonly result = signal<ImportAgentsResponse | null>(null);
  protected readonly makeLogins = signal(false);
  /** The logins the import made: shown once, until Done. */
  protected readonly logins = signal<TemporaryLogin[]>([]);
  protected readonly loginsExpire = computed(() => {
    const expires = this.logins()[0]?.passwordExpiresAt;
    return expires ? new Date(expires).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';
  });
  private finished: AgentImportOutcome = { imported: false };
  /** `Import 12 agents` once a check has answered. */
  protected readonly importLabel = computed(() => {
    const count = this.result()?.agents.length;
    return count === undefined ? '' : `Import ${count} ${count === 1 ? 'agent' : 'agents'}`;
  });

  /** Each opening starts from the list's team and no old answer; the text stays for a second try. */
  private readonly reset = effect(() => {
    if (!this.open()) return;
    untracked(() => {
      this.teamId.set(this.initialTeamId());
      this.logins.set([]);
      this.error.set('');
      this.problems.set([]);
      this.result.set(null);
    });
  });

  /**
   * With one team there is nothing to choose: it is chosen, also when the teams arrive after the
   * dialog opened (a fresh page).
   */
  private readonly chooseOnlyTeam = effect(() => {
    const teams = this.directory.sortedTeams();
    if (!this.open() || this.teamId() || teams.length !== 1) return;
    this.teamId.set(teams[0]?.id ?? '');
  });

  protected setText(value: string): void {
    this.text.set(value);
    this.result.set(null);
  }

  /** Logins are checked too (their emails against every account), so the answer of a check without them is stale. */
  protected setMakeLogins(value: boolean): void {
    this.makeLogins.set(value);
    this.result.set(null);
  }

  protected setTeam(value: string): void {
    this.teamId.set(value);
    this.result.set(null);
  }

  protected async readFile(event: Event): Promise<void> {
    const file = await readChosenTextFile(event, MAX_FILE_BYTES);
    if (file.kind === 'none') return;
    if (file.kind === 'too-large') {
      this.error.set(`${file.name} is ${file.kilobytes} kB: import the agents in parts.`);
      return;
    }
    this.error.set('');
    this.setText(file.text);
  }


  protected languages(list: { code: string; level: string }[]): string {
    return list.map((l) => `${l.code} (${l.level})`).join(', ');
  }

  protected channels(list: string[]): string {
    return list.map((c) => CHANNEL_LABELS[c as keyof typeof CHANNEL_LABELS] ?? c).join(', ');
  }

  async check(): Promise<void> {
    const result = await this.send(true);
    if (result) this.result.set(result);
  }

  async import(): Promise<void> {
    this.importing.set(true);
    const result = await this.send(false);
    this.importing.set(false);
    if (!result) return;
    const teamName = this.directory.sortedTeams().find((team) => team.id === this.teamId())?.name ?? 'the team';
    this.finished = { imported: true, count: result.created.length, teamName };
    this.text.set('');
    this.result.set(null);
    // With logins the dialog stays open on them: their passwords are never shown again.
    if (result.logins.length) this.logins.set(result.logins);
    else this.finish();
  }

  protected finish(): void {
    const outcome = this.finished;
    this.finished = { imported: false };
    this.logins.set([]);
    this.closed.emit(outcome);
  }

  protected downloadLogins(): void {
    const rows = this.logins().map((login) => [login.displayName, login.email, login.temporaryPassword, login.passwordExpiresAt]);
    saveText(toCsv([['name', 'email', 'temporary password', 'expires at'], ...rows]), 'shiftdesk-logins.csv');
  }

  private async send(dryRun: boolean): Promise<ImportAgentsResponse | null> {
    if (!this.teamId() || !this.text().trim()) return null;
    this.busy.set(true);
    this.error.set('');
    this.problems.set([]);
    try {
      return await firstValueFrom(this.api.importCsv({ teamId: this.teamId(), csv: this.text(), dryRun, ...(this.makeLogins() ? { logins: true } : {}) }));
    } catch (failure) {
      const error: ApiError = toApiError(failure);
      this.result.set(null);
      const rows = (error.fields ?? []).filter((field) => field.field.startsWith('rows.') || field.field.startsWith('csv'));
      // The API's message leads with the count and the first problem; the list has them all.
      this.error.set(rows.length > 1 ? error.message.replace(/\. .*$/, '.') : error.message);
      this.problems.set(rows.length > 1 ? rows : []);
      return null;
    } finally {
      this.busy.set(false);
    }
  }

  protected cancel(): void {
    if (this.busy()) return;
    // Escape on the logins: the import happened; close as Done does.
    if (this.logins().length) this.finish();
    else this.closed.emit({ imported: false });
  }
}
