import type { Routes } from '@angular/router';
import { HomeComponent } from './home.component';

export const homeRoutes: Routes = [{ path: '', component: HomeComponent, title: 'Home · Shiftdesk' }];
