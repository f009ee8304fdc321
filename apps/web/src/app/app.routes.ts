import type { Routes } from '@angular/router';
import { homeRedirectGuard, ownPasswordGuard, roleGuard, signedInGuard } from '@shiftdesk/web-data-access';
import { ShellComponent } from './shell/shell.component';

/**
 * Every feature is a lazy chunk. Management screens match for managers only: anyone else who
 * opens them is redirected to their own home with a notice (see roleGuard).
 */
export const appRoutes: Routes = [
  { path: 'login', loadChildren: () => import('@shiftdesk/web-feature-auth').then((m) => m.authRoutes) },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedInGuard],
    canActivateChild: [ownPasswordGuard],
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirectGuard], children: [] },
      { path: 'home', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-home').then((m) => m.homeRoutes) },
      { path: 'agents', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-agents').then((m) => m.agentsRoutes) },
      { path: 'teams', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-agents').then((m) => m.teamsRoutes) },
      { path: 'roster', loadChildren: () => import('@shiftdesk/web-feature-roster').then((m) => m.rosterRoutes) },
      { path: 'coverage', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-roster').then((m) => m.coverageRoutes) },
      { path: 'alerts', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-roster').then((m) => m.alertsRoutes) },
      { path: 'rotations', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-roster').then((m) => m.rotationsRoutes) },
      { path: 'me', canMatch: [roleGuard('agent')], loadChildren: () => import('@shiftdesk/web-feature-profile').then((m) => m.profileRoutes) },
      { path: 'my-shifts', canMatch: [roleGuard('agent')], loadChildren: () => import('@shiftdesk/web-feature-my-shifts').then((m) => m.myShiftsRoutes) },
      { path: 'requests', loadChildren: () => import('@shiftdesk/web-feature-requests').then((m) => m.requestsRoutes) },
      { path: 'pay', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-pay').then((m) => m.payRoutes) },
      { path: 'account', loadChildren: () => import('@shiftdesk/web-feature-auth').then((m) => m.accountRoutes) },
      { path: 'approvals', canMatch: [roleGuard('manager')], loadChildren: () => import('@shiftdesk/web-feature-requests').then((m) => m.approvalsRoutes) },
    ],
  },
  { path: '**', redirectTo: '' },
];
