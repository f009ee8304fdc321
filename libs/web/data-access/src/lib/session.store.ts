import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@shiftdesk/shared-api-contract';
import { firstValueFrom } from 'rxjs';
import { API_BASE } from './api-paths';

/** localStorage key of the bearer token. */
export const TOKEN_STORAGE_KEY = 'shiftdesk.token';

/** Where each role lands after signing in (and when it opens `/`); with a temporary password, the account page to choose one. */
export function homePathFor(user: CurrentUser): string {
  if (user.passwordExpiresAt) return '/account';
  return user.role === 'manager' ? '/home' : '/my-shifts';
}

/**
 * The signed-in user and their bearer token. The token lives in localStorage so a reload keeps
 * the session; the user is re-read from `GET /api/auth/me` on start (`restore`).
 */
@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly http = inject(HttpClient);

  private readonly tokenState = signal<string | null>(readToken());
  private readonly userState = signal<CurrentUser | null>(null);

  readonly token = this.tokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly isManager = computed(() => this.userState()?.role === 'manager');
  readonly isAgent = computed(() => this.userState()?.role === 'agent');
  /** Signed in with a temporary password: the API answers nothing else until they choose their own. */
  readonly needsOwnPassword = computed(() => !!this.userState()?.passwordExpiresAt);

  /** Signs in; on success the token is stored and the user is known. Rejects with the HTTP error. */
  async login(request: LoginRequest): Promise<CurrentUser> {
    const response = await firstValueFrom(this.http.post<LoginResponse>(`${API_BASE}/auth/login`, request));
    this.setToken(response.token);
    this.userState.set(response.user);
    return response.user;
  }

  /** Reloads the user for a stored token; a refused token is forgotten. Never rejects. */
  async restore(): Promise<void> {
    if (!this.tokenState()) return;
    try {
      this.userState.set(await firstValueFrom(this.http.get<CurrentUser>(`${API_BASE}/auth/me`)));
    } catch {
      this.clear();
    }
  }

  /** Changes the signed-in user's password; this session stays, the others end. Rejects with the HTTP error. */
  async changePassword(request: ChangePasswordRequest): Promise<void> {
    await firstValueFrom(this.http.post<void>(`${API_BASE}/auth/password`, request));
    // Their own password now: the temporary one's deadline is gone (the API cleared it too).
    this.userState.update((user) => (user ? { ...user, passwordExpiresAt: null } : user));
  }

  /** Ends the session on the server (best effort) and forgets it here. */
  async logout(): Promise<void> {
    if (this.tokenState()) {
      try {
        await firstValueFrom(this.http.post<unknown>(`${API_BASE}/auth/logout`, {}));
      } catch {
        // The token is dropped locally either way; an expired token cannot be revoked twice.
      }
    }
    this.clear();
  }

  /** Forgets the token and the user without calling the server (e.g. after a 401). */
  clear(): void {
    this.setToken(null);
    this.userState.set(null);
  }

  private setToken(token: string | null): void {
    this.tokenState.set(token);
    try {
      if (token) localStorage.setItem(TOKEN_STORAGE_KEY, token);
      else localStorage.removeItem(TOKEN_STORAGE_KEY);
    } catch {
      // Storage can be unavailable (private mode): the session then lasts until reload.
    }
  }
}

function readToken(): string | null {
  try {
    return localStorage.getItem(TOKEN_STORAGE_KEY);
  } catch {
    return null;
  }
}
