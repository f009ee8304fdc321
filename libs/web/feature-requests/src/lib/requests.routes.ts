import type { Routes } from '@angular/router';
import { roleGuard } from '@shiftdesk/web-data-access';
import { ApprovalsStore, MyRequestsStore, RequestDetailStore } from '@shiftdesk/web-data-access-requests';
import { ApprovalsPageComponent } from './approvals-page.component';
import { RequestDetailComponent } from './request-detail.component';
import { RequestsPageComponent } from './requests-page.component';

/** `/requests` (agents' list) and `/requests/:id` (anyone the request concerns: notices link here). */
export const requestsRoutes: Routes = [
  { path: '', pathMatch: 'full', canMatch: [roleGuard('agent')], providers: [MyRequestsStore], component: RequestsPageComponent, title: 'Requests · Shiftdesk' },
  { path: ':id', providers: [RequestDetailStore], component: RequestDetailComponent, title: 'Request · Shiftdesk' },
];

/** `/approvals` (managers): the approvals inbox. */
export const approvalsRoutes: Routes = [{ path: '', providers: [ApprovalsStore], component: ApprovalsPageComponent, title: 'Approvals · Shiftdesk' }];
