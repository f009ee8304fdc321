import type { Routes } from '@angular/router';
import { signedOutGuard } from '@shiftdesk/web-data-access';
import { AccountPageComponent } from './account-page.component';
import { LoginPageComponent } from './login-page.component';

export const authRoutes: Routes = [{ path: '', component: LoginPageComponent, canActivate: [signedOutGuard], title: 'Sign in · Shiftdesk' }];

/** Every signed-in user's own account page (managers and agents alike). */
export const accountRoutes: Routes = [{ path: '', component: AccountPageComponent, title: 'Your account · Shiftdesk' }];
