import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, NavigationEnd, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore, TeamsApi } from '@shiftdesk/web-data-access';
import { NoticesStore, PendingApprovalsStore } from '@shiftdesk/web-data-access-requests';
import { OpenAlertsStore } from '@shiftdesk/web-data-access-schedule';
import { NowService } from '@shiftdesk/web-ui';
import { filter, firstValueFrom, map } from 'rxjs';
import { NoticesBellComponent } from './notices-bell.component';

interface NavLink {
  path: string;
  label: string;
  /** Shows the number of open gap alerts beside the label. */
  alertBadge?: boolean;
  /** Shows the number of requests waiting for a manager beside the label. */
  approvalsBadge?: boolean;
}

/** Navigations closer together than this reuse the last alert count, in ms. */
const ALERT_REFRESH_MS = 20_000;

/** How often the manager's badges are refreshed without navigation, in ms. */
const BADGE_POLL_MS = 60_000;

/** Only screens that exist are linked: no placeholders. */
const MANAGER_LINKS: readonly NavLink[] = [
  { path: '/home', label: 'Home' },
  { path: '/agents', label: 'Agents' },
  { path: '/teams', label: 'Teams' },
  { path: '/roster', label: 'Roster' },
  { path: '/coverage', label: 'Coverage' },
  { path: '/rotations', label: 'Rotations' },
  { path: '/alerts', label: 'Alerts', alertBadge: true },
  { path: '/approvals', label: 'Approvals', approvalsBadge: true },
  // Pay is confidential: the link and the route exist for managers only.
  { path: '/pay', label: 'Pay' },
];
const AGENT_LINKS: readonly NavLink[] = [
  { path: '/my-shifts', label: 'My shifts' },
  { path: '/requests', label: 'Requests' },
  { path: '/roster', label: 'Roster' },
  { path: '/me', label: 'My profile' },
];

@Component({
  selector: 'sd-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, NoticesBellComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
})
export class ShellComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly teamsApi = inject(TeamsApi);
  private readonly clock = inject(NowService);
  private readonly openAlerts = inject(OpenAlertsStore);
  private readonly pendingApprovals = inject(PendingApprovalsStore);
  private readonly notices = inject(NoticesStore);
  private lastAlertRefresh = 0;

  /** Open gap alerts across the manager's teams, for the nav badge. */
  readonly openAlertCount = this.openAlerts.total;
  /** Requests waiting for a manager across the manager's teams, for the nav badge. */
  readonly pendingApprovalCount = this.pendingApprovals.total;

  readonly user = this.session.user;
  /** No pages but the account page until a temporary password is replaced (see ownPasswordGuard). */
  readonly links = computed(() => (this.session.needsOwnPassword() ? [] : this.session.isManager() ? MANAGER_LINKS : this.session.isAgent() ? AGENT_LINKS : []));
  readonly needsOwnPassword = this.session.needsOwnPassword;
  readonly roleLabel = computed(() => (this.user()?.role === 'manager' ? 'Manager' : 'Agent'));
  readonly initials = computed(() =>
    (this.user()?.displayName ?? '')
      .split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join(''),
  );
  /** Set by roleGuard when a page was refused (`?denied=1`). */
  readonly denied = toSignal(inject(ActivatedRoute).queryParamMap.pipe(map((params) => params.has('denied'))), { initialValue: false });
  readonly loggingOut = signal(false);

  constructor() {
    // The badge follows the desk as the manager moves around; screens that change the schedule
    // or list alerts update it themselves in between.
    this.router.events
      .pipe(
        filter((event) => event instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => void this.refreshAlerts());
    void this.refreshAlerts();
    // Badges also follow changes made by others (an agent filing a request) while the page sits still.
    const timer = setInterval(() => void this.refreshAlerts(), BADGE_POLL_MS);
    inject(DestroyRef).onDestroy(() => clearInterval(timer));
  }

  private async refreshAlerts(): Promise<void> {
    const now = Date.now();
    if (!this.session.isManager() || now - this.lastAlertRefresh < ALERT_REFRESH_MS) return;
    this.lastAlertRefresh = now;
    try {
      const teams = await firstValueFrom(this.teamsApi.list());
      const teamIds = teams.map((team) => team.id);
      await Promise.all([this.openAlerts.refresh(teamIds, this.clock.now().getTime()), this.pendingApprovals.refresh(teamIds)]);
    } catch {
      // No badge is better than a wrong one; the next navigation tries again.
      this.lastAlertRefresh = 0;
    }
  }

  dismissDenied(): void {
    void this.router.navigate([], { queryParams: { denied: null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  async logout(): Promise<void> {
    this.loggingOut.set(true);
    await this.session.logout();
    this.openAlerts.clear();
    this.pendingApprovals.clear();
    this.notices.clear();
    this.lastAlertRefresh = 0;
    this.loggingOut.set(false);
    await this.router.navigateByUrl('/login');
  }
}
