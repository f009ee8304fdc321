import type { Routes } from '@angular/router';
import { AgentPayComponent } from './agent-pay.component';
import { BandsPageComponent } from './bands-page.component';
import { CostPageComponent } from './cost-page.component';
import { PayTeamStore } from './pay-team.store';

/** `/pay` (managers only, see app.routes): the team choice lives as long as this route. */
export const payRoutes: Routes = [
  {
    path: '',
    providers: [PayTeamStore],
    children: [
      { path: '', component: BandsPageComponent, title: 'Pay bands · Shiftdesk' },
      { path: 'cost', component: CostPageComponent, title: 'Roster cost · Shiftdesk' },
      { path: 'agents/:agentId', component: AgentPayComponent, title: 'Agent pay · Shiftdesk' },
    ],
  },
];
