import type { Routes } from '@angular/router';
import { signedOutGuard } from '@shiftdesk/web-data-access';
import { LoginPageComponent } from './login-page.component';

export const authRoutes: Routes = [{ path: '', component: LoginPageComponent, canActivate: [signedOutGuard], title: 'Sign in · Shiftdesk' }];
