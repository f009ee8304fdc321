import type { Routes } from '@angular/router';
import { ColleaguesStore, MyShiftsStore } from '@shiftdesk/web-data-access-requests';
import { MyShiftsPageComponent } from './my-shifts-page.component';

/** `/my-shifts` (agents): the agent's home. */
export const myShiftsRoutes: Routes = [{ path: '', providers: [MyShiftsStore, ColleaguesStore], component: MyShiftsPageComponent, title: 'My shifts · Shiftdesk' }];
