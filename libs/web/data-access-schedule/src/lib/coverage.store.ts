import { computed, inject, Injectable, signal } from '@angular/core';
import type {
  CoveragePreset,
  CoverageResponse,
  CoverageRule,
  CreateCoverageRuleRequest,
  Gap,
  GapCandidatesResponse,
  LabourViolation,
  StaffingResponse,
} from '@shiftdesk/shared-api-contract';
import { toApiError } from '@shiftdesk/web-util';
import { firstValueFrom } from 'rxjs';
import { ScheduleApi } from './schedule.api';

/** What the coverage screen looks at: one team, one week, one display zone. */
export interface CoverageView {
  teamId: string;
  /** [from, to) instants, ISO UTC. */
  from: string;
  to: string;
  /** Local Monday (in `tz`) of the week, for the staffing endpoint. */
  weekStart: string;
  tz: string;
  granularity: number;
}

/**
 * Coverage rules, coverage, gaps, staffing and labour violations of one team and week. Each
 * panel loads on its own so one failing endpoint leaves the others readable. Scoped to the
 * coverage route.
 */
@Injectable()
export class CoverageStore {
  private readonly api = inject(ScheduleApi);
  private view: CoverageView | null = null;
  private generation = 0;

  readonly presets = signal<CoveragePreset[]>([]);
  readonly rules = signal<CoverageRule[]>([]);
  readonly rulesLoaded = signal(false);
  readonly coverage = signal<CoverageResponse | null>(null);
  readonly gaps = signal<Gap[]>([]);
  readonly staffing = signal<StaffingResponse | null>(null);
  readonly violations = signal<LabourViolation[]>([]);
  readonly loading = signal(false);
  readonly error = signal('');
  readonly panelErrors = signal<Partial<Record<'coverage' | 'gaps' | 'staffing' | 'violations' | 'presets', string>>>({});

  readonly selectedGap = signal<Gap | null>(null);
  readonly candidates = signal<GapCandidatesResponse | null>(null);
  readonly candidatesLoading = signal(false);
  readonly candidatesError = signal('');

  readonly hasRules = computed(() => this.rules().length > 0);
  readonly errorGaps = computed(() => this.gaps().filter((gap) => gap.level === 'error'));

  async loadPresets(): Promise<void> {
    if (this.presets().length) return;
    try {
      this.presets.set(await firstValueFrom(this.api.presets()));
    } catch (failure) {
      this.panelErrors.update((e) => ({ ...e, presets: toApiError(failure).message }));
    }
  }

  /** Loads every panel for `view`; an older call's late answers are dropped. */
  async load(view: CoverageView): Promise<void> {
    // Another team, week or zone: the old answers would be wrong, not just stale.
    const same = this.view && JSON.stringify(this.view) === JSON.stringify(view);
    if (!same) {
      this.coverage.set(null);
      this.gaps.set([]);
      this.violations.set([]);
      this.staffing.set(null);
      this.clearGap();
    }
    this.view = view;
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.loading.set(true);
    this.error.set('');
    this.panelErrors.set({});
    const { teamId, from, to, tz, granularity, weekStart } = view;
    const panel = async <T>(name: 'coverage' | 'gaps' | 'staffing' | 'violations', call: () => Promise<T>, apply: (value: T) => void) => {
      try {
        const value = await call();
        if (current()) apply(value);
      } catch (failure) {
        if (current()) this.panelErrors.update((e) => ({ ...e, [name]: toApiError(failure).message }));
      }
    };
    try {
      const rules = await firstValueFrom(this.api.coverageRules(teamId));
      if (!current()) return;
      this.rules.set(rules);
      this.rulesLoaded.set(true);
    } catch (failure) {
      if (current()) {
        this.error.set(toApiError(failure).message);
        this.loading.set(false);
      }
      return;
    }
    await Promise.all([
      panel('coverage', () => firstValueFrom(this.api.coverage(teamId, { from, to, tz, granularity })), (v) => this.coverage.set(v)),
      panel('gaps', () => firstValueFrom(this.api.gaps(teamId, { from, to, tz })), (v) => this.gaps.set(v.gaps)),
      panel('staffing', () => firstValueFrom(this.api.staffing(teamId, { weekStart })), (v) => this.staffing.set(v)),
      panel('violations', () => firstValueFrom(this.api.violations(teamId, { from, to })), (v) => this.violations.set(v.violations)),
    ]);
    if (current()) {
      this.loading.set(false);
      // A selected gap that is gone (filled) is deselected; one still open keeps its candidates.
      const selected = this.selectedGap();
      if (selected && !this.gaps().some((gap) => gap.id === selected.id)) this.clearGap();
    }
  }

  reload(): Promise<void> {
    return this.view ? this.load(this.view) : Promise.resolve();
  }

  /** Rejects with the contract's ApiError. */
  async addRule(teamId: string, request: CreateCoverageRuleRequest): Promise<CoverageRule> {
    try {
      const rule = await firstValueFrom(this.api.createCoverageRule(teamId, request));
      await this.reload();
      return rule;
    } catch (failure) {
      throw toApiError(failure);
    }
  }

  async deleteRule(teamId: string, id: string): Promise<void> {
    try {
      await firstValueFrom(this.api.deleteCoverageRule(teamId, id), { defaultValue: undefined });
      await this.reload();
    } catch (failure) {
      throw toApiError(failure);
    }
  }

  async selectGap(teamId: string, gap: Gap): Promise<void> {
    this.selectedGap.set(gap);
    this.candidates.set(null);
    this.candidatesError.set('');
    this.candidatesLoading.set(true);
    try {
      const result = await firstValueFrom(this.api.gapCandidates(teamId, { start: gap.start, end: gap.end, ruleId: gap.ruleId }));
      if (this.selectedGap()?.id === gap.id) this.candidates.set(result);
    } catch (failure) {
      if (this.selectedGap()?.id === gap.id) this.candidatesError.set(toApiError(failure).message);
    } finally {
      if (this.selectedGap()?.id === gap.id) this.candidatesLoading.set(false);
    }
  }

  clearGap(): void {
    this.selectedGap.set(null);
    this.candidates.set(null);
    this.candidatesError.set('');
    this.candidatesLoading.set(false);
  }
}
