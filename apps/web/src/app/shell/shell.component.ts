import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { SessionStore } from '@shiftdesk/web-data-access';
import { map } from 'rxjs';

interface NavLink {
  path: string;
  label: string;
}

/** Only screens that exist are linked: no placeholders. */
const MANAGER_LINKS: readonly NavLink[] = [
  { path: '/home', label: 'Home' },
  { path: '/agents', label: 'Agents' },
  { path: '/teams', label: 'Teams' },
  { path: '/roster', label: 'Roster' },
  { path: '/coverage', label: 'Coverage' },
  { path: '/rotations', label: 'Rotations' },
];
const AGENT_LINKS: readonly NavLink[] = [
  { path: '/roster', label: 'Roster' },
  { path: '/me', label: 'My profile' },
];

@Component({
  selector: 'sd-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './shell.component.html',
})
export class ShellComponent {
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);

  readonly user = this.session.user;
  readonly links = computed(() => (this.session.isManager() ? MANAGER_LINKS : this.session.isAgent() ? AGENT_LINKS : []));
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

  dismissDenied(): void {
    void this.router.navigate([], { queryParams: { denied: null }, queryParamsHandling: 'merge', replaceUrl: true });
  }

  async logout(): Promise<void> {
    this.loggingOut.set(true);
    await this.session.logout();
    this.loggingOut.set(false);
    await this.router.navigateByUrl('/login');
  }
}
