import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { LoginPageComponent } from './login-page.component';
import { settle } from '@shiftdesk/web-util/testing';


/** Lets promise chains after a flushed response finish, then renders. */
describe('LoginPageComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ imports: [LoginPageComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function fill(el: HTMLElement, email: string, password: string): void {
    const set = (selector: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(selector);
      if (!input) throw new Error(selector);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    set('#login-email', email);
    set('#login-password', password);
  }

  it('disables the button while signing in and shows the API message on failure', async () => {
    const fixture = TestBed.createComponent(LoginPageComponent);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    fill(el, 'boss@desk.test', 'nope-nope');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(true);
    http.expectOne('/api/auth/login').flush({ statusCode: 401, error: 'Unauthorized', message: 'Wrong email or password.' }, { status: 401, statusText: 'Unauthorized' });
    await settle(fixture);
    const error = el.querySelector<HTMLElement>('[data-testid="login-error"]');
    expect(error?.hidden).toBe(false);
    expect(error?.textContent).toContain('Wrong email or password.');
    expect(el.querySelector<HTMLButtonElement>('button[type=submit]')?.disabled).toBe(false);
  });

  it('goes to the role home, or back where the user was', async () => {
    const fixture = TestBed.createComponent(LoginPageComponent);
    fixture.componentRef.setInput('returnUrl', '/agents/a7');
    await settle(fixture);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    const el: HTMLElement = fixture.nativeElement;
    fill(el, 'boss@desk.test', 'right-password');
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    http.expectOne('/api/auth/login').flush({
      token: 't', expiresAt: '2030-01-01T00:00:00Z',
      user: { id: 'u', email: 'boss@desk.test', role: 'manager', displayName: 'Boss', agentId: null, teamIds: [], passwordExpiresAt: null },
    });
    await settle(fixture);
    expect(navigate).toHaveBeenCalledWith('/agents/a7');
  });

  it('does not call the API with an empty form', async () => {
    const fixture = TestBed.createComponent(LoginPageComponent);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await settle(fixture);
    expect(el.querySelector('#login-email-error')?.textContent).toContain('Email is required.');
    http.expectNone('/api/auth/login');
  });
});
