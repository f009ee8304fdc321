import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { ImpactGap, RequestImpact } from '@shiftdesk/shared-api-contract';
import { formatGapSpan, formatGapStaffing, summarizeImpact } from '@shiftdesk/web-util';

/**
 * A request's impact on the final schedule: a one-line verdict (clean, needs a manager, not
 * allowed, stale), then the blockers, warnings and the coverage gaps it opens or closes, with
 * local times on the team's wall clock.
 */
@Component({
  selector: 'sd-request-impact',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let summary = this.summary();
    <p class="impact-headline impact-{{ summary.tone }}" data-testid="impact-headline" [attr.data-tone]="summary.tone">
      <span class="impact-icon" aria-hidden="true">{{ icons[summary.tone] }}</span>
      <span>{{ summary.headline }}</span>
    </p>
    @if (impact().blockers.length) {
      <h4 class="impact-sub">Why not</h4>
      <ul class="impact-list" data-testid="impact-blockers">
        @for (issue of impact().blockers; track $index) {
          <li class="impact-blocker"><strong>{{ issue.agentName }}</strong>: {{ issue.message }}</li>
        }
      </ul>
    }
    @if (impact().gapsOpened.length) {
      <h4 class="impact-sub">Gaps it opens{{ zoneNote() }}</h4>
      <ul class="impact-list" data-testid="impact-gaps-opened">
        @for (gap of impact().gapsOpened; track gap.ruleId + gap.start) {
          <li class="impact-gap-opened">{{ describe(gap) }}</li>
        }
      </ul>
    }
    @if (impact().gapsClosed.length) {
      <h4 class="impact-sub">Gaps it closes{{ zoneNote() }}</h4>
      <ul class="impact-list" data-testid="impact-gaps-closed">
        @for (gap of impact().gapsClosed; track gap.ruleId + gap.start) {
          <li class="impact-gap-closed">{{ describe(gap) }}</li>
        }
      </ul>
    }
    @if (impact().warnings.length) {
      <h4 class="impact-sub">Worth a look</h4>
      <ul class="impact-list" data-testid="impact-warnings">
        @for (issue of impact().warnings; track $index) {
          <li><strong>{{ issue.agentName }}</strong>: {{ issue.message }}</li>
        }
      </ul>
    }
  `,
  styles: `
    :host { display: block; }
    .impact-headline { display: flex; gap: 8px; align-items: flex-start; margin: 0 0 6px; padding: 8px 10px; border-radius: var(--radius-small); font-weight: 600; font-size: 14px; }
    .impact-icon { flex: 0 0 20px; height: 20px; display: grid; place-items: center; border-radius: 50%; background: var(--surface); font-size: 12px; }
    .impact-clean { background: var(--success-soft); color: var(--success); }
    .impact-manager { background: var(--warning-soft); color: var(--warning); }
    .impact-blocked, .impact-stale { background: var(--danger-soft); color: var(--danger); }
    .impact-sub { margin: 8px 0 2px; font-size: 12px; font-weight: 700; letter-spacing: 0.04em; text-transform: uppercase; color: var(--text-subtle); }
    .impact-list { margin: 0; padding-left: 18px; font-size: 14px; }
    .impact-list li { margin: 2px 0; }
    .impact-blocker, .impact-gap-opened { color: var(--danger); }
    .impact-gap-closed { color: var(--success); }
  `,
  host: { class: 'request-impact', role: 'group', 'aria-label': 'Impact on the schedule' },
})
export class RequestImpactComponent {
  readonly impact = input.required<RequestImpact>();
  /** The team's zone, named beside the gap times (they are on the team's wall clock). */
  readonly teamZone = input<string | null>(null);

  protected readonly icons = { clean: '✓', manager: '!', blocked: '✕', stale: '↻' } as const;
  protected readonly summary = computed(() => summarizeImpact(this.impact()));
  protected readonly zoneNote = computed(() => (this.teamZone() ? ` (${this.teamZone()} time)` : ''));

  protected describe(gap: ImpactGap): string {
    const what = [gap.ruleName, gap.language ? gap.language.code.toUpperCase() : '', gap.channel ?? ''].filter(Boolean).join(' · ');
    return `${formatGapSpan(gap)} · ${what} · ${formatGapStaffing(gap)}`;
  }
}
