import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, input, type OnInit, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { type Agent, CHANNELS, LANGUAGE_NAMES, WORK_MODES } from '@shiftdesk/shared-api-contract';
import { BadgeComponent, ConfirmDialogComponent, EmptyStateComponent, SpinnerComponent, ZonedClockComponent } from '@shiftdesk/web-ui';
import { CHANNEL_LABELS, sortLanguages, toApiError, WORK_MODE_LABELS } from '@shiftdesk/web-util';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { DirectoryStore } from '../shared/directory.store';
import { type AgentFilters, AgentsListStore } from './agents-list.store';
import { AgentImportDialogComponent, type AgentImportOutcome } from './agent-import-dialog.component';

@Component({
  selector: 'sd-agents-list',
  imports: [ReactiveFormsModule, RouterLink, AgentImportDialogComponent, BadgeComponent, ConfirmDialogComponent, EmptyStateComponent, SpinnerComponent, ZonedClockComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './agents-list.component.html',
})
export class AgentsListComponent implements OnInit {
  readonly store = inject(AgentsListStore);
  readonly directory = inject(DirectoryStore);
  private readonly destroyRef = inject(DestroyRef);

  readonly channels = CHANNELS;
  readonly workModes = WORK_MODES;
  readonly channelLabels = CHANNEL_LABELS;
  readonly workModeLabels = WORK_MODE_LABELS;
  readonly languageOptions = Object.entries(LANGUAGE_NAMES)
    .map(([code, name]) => ({ code, name }))
    .sort((a, b) => a.name.localeCompare(b.name));
  readonly sortLanguages = sortLanguages;

  /** `?teamId=` (from the teams list): opens the list filtered to that team. */
  readonly teamId = input<string>();

  readonly filterForm = inject(NonNullableFormBuilder).group<AgentFilters>({ ...this.store.filters() });

  /** The agent waiting for a yes in the confirm dialog. */
  readonly pendingRemoval = signal<Agent | null>(null);
  readonly removing = signal(false);
  readonly removeError = signal('');
  /** The CSV import dialog is open. */
  readonly importing = signal(false);
  /** With a single team the column would repeat one name on every row. */
  readonly showTeam = computed(() => this.directory.teams().length !== 1);

  onImportClosed(outcome: AgentImportOutcome): void {
    this.importing.set(false);
    if (!outcome.imported) return;
    this.store.notice.set({ tone: 'success', text: `Imported ${outcome.count} ${outcome.count === 1 ? 'agent' : 'agents'} into ${outcome.teamName}.` });
    this.store.load();
  }

  ngOnInit(): void {
    void this.directory.load();
    const teamId = this.teamId();
    if (teamId && teamId !== this.store.filters().teamId) {
      this.filterForm.patchValue({ teamId }, { emitEvent: false });
      this.store.updateFilters({ teamId });
    } else {
      this.store.load();
    }
    this.filterForm.valueChanges
      .pipe(
        debounceTime(250),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe(() => this.store.updateFilters(this.filterForm.getRawValue()));
  }

  teamName(agent: Agent): string {
    return this.directory.teamsById().get(agent.teamId)?.name ?? '—';
  }

  clearFilters(): void {
    this.filterForm.reset({ ...this.store.filters(), search: '', teamId: '', language: '', channel: '', workMode: '', includeArchived: false }, { emitEvent: false });
    this.store.clearFilters();
  }

  askRemove(agent: Agent): void {
    this.removeError.set('');
    this.store.notice.set(null);
    this.pendingRemoval.set(agent);
  }

  cancelRemove(): void {
    if (!this.removing()) this.pendingRemoval.set(null);
  }

  async confirmRemove(): Promise<void> {
    const agent = this.pendingRemoval();
    if (!agent) return;
    this.removing.set(true);
    try {
      await this.store.remove(agent);
      this.pendingRemoval.set(null);
    } catch (failure) {
      this.removeError.set(toApiError(failure).message);
    } finally {
      this.removing.set(false);
    }
  }
}
