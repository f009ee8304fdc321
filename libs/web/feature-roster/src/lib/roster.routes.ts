import type { Routes } from '@angular/router';
import { AlertsStore, CoverageStore, RotationsStore, ScheduleStore } from '@shiftdesk/web-data-access-schedule';
import { AlertsPageComponent } from './alerts/alerts-page.component';
import { RosterBoardComponent } from './board/roster-board.component';
import { CoveragePageComponent } from './coverage-page/coverage-page.component';
import { RotationsPageComponent } from './rotations/rotations-page.component';
import { TeamContextStore } from './shared/team-context.store';

/** `/roster`: managers edit, agents read. The stores live as long as the route. */
export const rosterRoutes: Routes = [
  { path: '', providers: [TeamContextStore, ScheduleStore], component: RosterBoardComponent, title: 'Roster · Shiftdesk' },
];

/** `/coverage` (managers): targets, heatmap, gaps, staffing, labour rules. */
export const coverageRoutes: Routes = [
  { path: '', providers: [TeamContextStore, ScheduleStore, CoverageStore], component: CoveragePageComponent, title: 'Coverage · Shiftdesk' },
];

/** `/rotations` (managers): the rotation editor with its live preview. */
export const rotationsRoutes: Routes = [{ path: '', providers: [TeamContextStore, RotationsStore], component: RotationsPageComponent, title: 'Rotations · Shiftdesk' }];

/** `/alerts` (managers): the team's gap alerts with acknowledge. */
export const alertsRoutes: Routes = [{ path: '', providers: [TeamContextStore, AlertsStore], component: AlertsPageComponent, title: 'Alerts · Shiftdesk' }];
