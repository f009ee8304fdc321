import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth.interceptor';
import { ownPasswordGuard, roleGuard } from './guards';
import { homePathFor, SessionStore, TOKEN_STORAGE_KEY } from './session.store';

describe('session, interceptor and guards', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function signIn(role: 'manager' | 'agent', passwordExpiresAt: string | null = null): Promise<SessionStore> {
    const session = TestBed.inject(SessionStore);
    const done = session.login({ email: 'a@b.c', password: 'secret123' });
    http.expectOne('/api/auth/login').flush({
      token: 'tok-1',
      expiresAt: '2030-01-01T00:00:00Z',
      user: { id: 'u1', email: 'a@b.c', role, displayName: 'Ada Lovelace', agentId: role === 'agent' ? 'a1' : null, teamIds: [], passwordExpiresAt },
    });
    await done;
    return session;
  }

  it('stores the token and sends it to the API only', async () => {
    await signIn('manager');
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBe('tok-1');
    const client = TestBed.inject(HttpClient);
    void firstValueFrom(client.get('/api/teams'));
    void firstValueFrom(client.get('https://example.com/other'));
    expect(http.expectOne('/api/teams').request.headers.get('Authorization')).toBe('Bearer tok-1');
    expect(http.expectOne('https://example.com/other').request.headers.has('Authorization')).toBe(false);
    http.match(() => true).forEach((r) => r.flush({}));
  });

  it('forgets the session and goes to the login page on a 401', async () => {
    const session = await signIn('manager');
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/');
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    const request = firstValueFrom(TestBed.inject(HttpClient).get('/api/agents'));
    http.expectOne('/api/agents').flush({ statusCode: 401, error: 'Unauthorized', message: 'Session expired.' }, { status: 401, statusText: 'Unauthorized' });
    await expect(request).rejects.toMatchObject({ status: 401 });
    expect(session.user()).toBeNull();
    expect(localStorage.getItem(TOKEN_STORAGE_KEY)).toBeNull();
    expect(navigate).toHaveBeenCalledWith(['/login'], expect.anything());
  });

  it('leaves the redirect to the guards during the start-up session check', async () => {
    localStorage.setItem(TOKEN_STORAGE_KEY, 'stale');
    const session = TestBed.inject(SessionStore);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    const restoring = session.restore();
    const me = http.expectOne('/api/auth/me');
    expect(me.request.headers.get('Authorization')).toBe('Bearer stale');
    me.flush({ statusCode: 401, error: 'Unauthorized', message: 'Session expired.' }, { status: 401, statusText: 'Unauthorized' });
    await restoring;
    expect(session.token()).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });

  it('does not treat a failed login as an expired session', async () => {
    const session = TestBed.inject(SessionStore);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate');
    const attempt = session.login({ email: 'a@b.c', password: 'wrong' });
    http.expectOne('/api/auth/login').flush({ statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password.' }, { status: 401, statusText: 'Unauthorized' });
    await expect(attempt).rejects.toMatchObject({ status: 401 });
    expect(navigate).not.toHaveBeenCalled();
  });

  it('lets managers into management routes and sends agents home with a notice', async () => {
    await signIn('agent');
    const guard = roleGuard('manager');
    const result = TestBed.runInInjectionContext(() => guard({ path: 'agents' }, []));
    expect(TestBed.inject(Router).serializeUrl(result as never)).toBe('/my-shifts?denied=1');
    const agentGuard = roleGuard('agent');
    expect(TestBed.runInInjectionContext(() => agentGuard({ path: 'me' }, []))).toBe(true);
  });

  it('keeps someone with a temporary password on the account page until they have chosen their own', async () => {
    const session = await signIn('agent', '2030-01-14T00:00:00Z');
    const user = session.user();
    expect(user && homePathFor(user)).toBe('/account');
    const router = TestBed.inject(Router);
    const to = (url: string) => TestBed.runInInjectionContext(() => ownPasswordGuard({} as never, { url, root: {} as never }));
    expect(router.serializeUrl(to('/my-shifts') as never)).toBe('/account');
    expect(to('/account')).toBe(true);

    const changed = session.changePassword({ currentPassword: 'temp-pass-1', newPassword: 'own-password-1' });
    http.expectOne('/api/auth/password').flush(null, { status: 204, statusText: 'No Content' });
    await changed;
    expect(session.needsOwnPassword()).toBe(false);
    expect(to('/my-shifts')).toBe(true);
    const after = session.user();
    expect(after && homePathFor(after)).toBe('/my-shifts');
  });
});
