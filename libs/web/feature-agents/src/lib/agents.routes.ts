import type { Routes } from '@angular/router';
import { AgentFormComponent } from './agents/agent-form.component';
import { AgentsListComponent } from './agents/agents-list.component';
import { AgentsListStore } from './agents/agents-list.store';
import { DirectoryStore } from './shared/directory.store';
import { TeamFormComponent } from './teams/team-form.component';
import { TeamsListComponent } from './teams/teams-list.component';
import { TeamsNoticeStore } from './teams/teams-notice.store';

/** `/agents`: the stores live as long as this route, so filters survive a visit to the form. */
export const agentsRoutes: Routes = [
  {
    path: '',
    providers: [AgentsListStore, DirectoryStore],
    children: [
      { path: '', component: AgentsListComponent, title: 'Agents · Shiftdesk' },
      { path: 'new', component: AgentFormComponent, title: 'Add agent · Shiftdesk' },
      { path: ':id', component: AgentFormComponent, title: 'Edit agent · Shiftdesk' },
    ],
  },
];

/** `/teams`. */
export const teamsRoutes: Routes = [
  {
    path: '',
    providers: [DirectoryStore, TeamsNoticeStore],
    children: [
      { path: '', component: TeamsListComponent, title: 'Teams · Shiftdesk' },
      { path: 'new', component: TeamFormComponent, title: 'Add team · Shiftdesk' },
      { path: ':id', component: TeamFormComponent, title: 'Edit team · Shiftdesk' },
    ],
  },
];
