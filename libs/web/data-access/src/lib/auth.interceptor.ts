import { HttpErrorResponse, type HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';
import { API_BASE, isApiUrl } from './api-paths';
import { SessionStore } from './session.store';

/**
 * Adds `Authorization: Bearer <token>` to API requests. A 401 from any API call other than the
 * login itself means the session is gone: forget it and go back to the login page, keeping the
 * page the user was on so they return there.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  const session = inject(SessionStore);
  const router = inject(Router);
  const token = session.token();
  const api = isApiUrl(request.url);
  const authorised = api && token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  return next(authorised).pipe(
    catchError((error: unknown) => {
      const isLogin = request.url === `${API_BASE}/auth/login`;
      if (api && !isLogin && error instanceof HttpErrorResponse && error.status === 401) {
        session.clear();
        // Before the first navigation (the start-up session check) the guards redirect with
        // the requested page as returnUrl; navigating here would race them and lose it.
        if (!router.navigated) return throwError(() => error);
        const current = router.url;
        const returnUrl = current && !current.startsWith('/login') ? current : undefined;
        void router.navigate(['/login'], { queryParams: returnUrl && returnUrl !== '/' ? { returnUrl } : {} });
      }
      return throwError(() => error);
    }),
  );
};
