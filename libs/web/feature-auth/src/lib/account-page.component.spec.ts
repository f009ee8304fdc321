import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { AccountPageComponent } from './account-page.component';
import { settle } from '@shiftdesk/web-util/testing';

describe('AccountPageComponent', () => {
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ imports: [AccountPageComponent], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  async function open() {
    const fixture = TestBed.createComponent(AccountPageComponent);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const type = (id: string, value: string) => {
      const input = el.querySelector<HTMLInputElement>(`#${id}`);
      if (!input) throw new Error(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
      input.dispatchEvent(new Event('blur'));
    };
    const submit = async () => {
      el.querySelector('form')?.dispatchEvent(new Event('submit'));
      await settle(fixture);
    };
    const errorUnder = (id: string) => el.querySelector(`#${id}-error`)?.textContent?.trim() ?? '';
    return { fixture, el, type, submit, errorUnder };
  }

  it('changes the password, says the other sessions were signed out, and empties the form', async () => {
    const { el, type, submit, fixture } = await open();
    type('currentPassword', 'old-password');
    type('newPassword', 'new-password');
    type('repeatPassword', 'new-password');
    await submit();
    const call = http.expectOne('/api/auth/password');
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toEqual({ currentPassword: 'old-password', newPassword: 'new-password' });
    call.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    expect(el.querySelector('[data-testid="password-changed"]')?.textContent).toContain('Other sessions were signed out');
    expect(el.querySelector<HTMLInputElement>('#newPassword')?.value).toBe('');
    expect(el.querySelector('[aria-invalid="true"]')).toBeNull();
  });

  it('checks the form before sending: required, 8 characters, typed twice the same, not the current one', async () => {
    const { type, submit, errorUnder } = await open();
    await submit();
    expect(errorUnder('currentPassword')).toBe('Current password is required.');
    expect(errorUnder('newPassword')).toBe('New password is required.');
    type('currentPassword', 'same-password');
    type('newPassword', 'short');
    type('repeatPassword', 'other');
    await submit();
    expect(errorUnder('newPassword')).toBe('New password needs at least 8 characters.');
    type('newPassword', 'same-password');
    type('repeatPassword', 'same-passwore');
    await submit();
    expect(errorUnder('newPassword')).toBe('Choose a password other than the current one.');
    expect(errorUnder('repeatPassword')).toBe('Type the same new password twice.');
    http.expectNone('/api/auth/password');
  });

  it('puts the API\'s field error under the current password and a lock-out on top', async () => {
    const { type, submit, errorUnder, el, fixture } = await open();
    type('currentPassword', 'wrong-password');
    type('newPassword', 'new-password');
    type('repeatPassword', 'new-password');
    await submit();
    const message = 'currentPassword: is not your current password; type the password you signed in with';
    http.expectOne('/api/auth/password').flush({ statusCode: 400, error: 'Bad Request', message, fields: [{ field: 'currentPassword', message }] }, { status: 400, statusText: 'Bad Request' });
    await settle(fixture);
    expect(errorUnder('currentPassword')).toBe('Is not your current password; type the password you signed in with');
    expect(el.querySelector('[data-testid="password-error"]')).toBeNull();

    type('currentPassword', 'another-guess');
    await submit();
    http.expectOne('/api/auth/password').flush({ statusCode: 429, error: 'Too Many Requests', message: 'Too many failed sign-ins for this email address: signing in is paused for 15 minutes' }, { status: 429, statusText: 'Too Many Requests' });
    await settle(fixture);
    expect(el.querySelector('[data-testid="password-error"]')?.textContent).toContain('signing in is paused for 15 minutes');
  });
});
