import { inject } from '@angular/core';
import { Router, type CanActivateChildFn, type CanActivateFn, type CanMatchFn } from '@angular/router';
import type { Role } from '@shiftdesk/shared-api-contract';
import { homePathFor, SessionStore } from './session.store';

/** Signed-in users only; others go to the login page and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(SessionStore);
  if (session.user()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: state.url && state.url !== '/' ? { returnUrl: state.url } : {} });
};

/** The login page is for signed-out users; a signed-in user goes to their home. */
export const signedOutGuard: CanActivateFn = () => {
  const user = inject(SessionStore).user();
  return user ? inject(Router).parseUrl(homePathFor(user)) : true;
};

/**
 * Only users with `role` may open the route. Anyone else is sent to their own home with
 * `?denied=1`, which the shell turns into a visible notice: refused, not silently ignored.
 */
export function roleGuard(role: Role): CanMatchFn {
  return (_route, segments) => {
    const user = inject(SessionStore).user();
    const router = inject(Router);
    if (!user) return router.createUrlTree(['/login'], { queryParams: { returnUrl: '/' + segments.map((s) => s.path).join('/') } });
    if (user.role === role) return true;
    return router.createUrlTree([homePathFor(user)], { queryParams: { denied: 1 } });
  };
}

/** Sends `/` to the signed-in user's home. */
export const homeRedirectGuard: CanActivateFn = () => {
  const user = inject(SessionStore).user();
  return inject(Router).parseUrl(user ? homePathFor(user) : '/login');
};

/**
 * With a temporary password only the account page opens (to choose a password of one's own):
 * the API refuses everything else until then, so other pages would only show errors.
 */
export const ownPasswordGuard: CanActivateChildFn = (_route, state) => {
  const session = inject(SessionStore);
  if (!session.needsOwnPassword() || state.url.startsWith('/account')) return true;
  return inject(Router).parseUrl('/account');
};
