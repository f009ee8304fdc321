import type { Routes } from '@angular/router';
import { ProfileComponent } from './profile.component';
import { ProfileStore } from './profile.store';

export const profileRoutes: Routes = [{ path: '', component: ProfileComponent, providers: [ProfileStore], title: 'My profile · Shiftdesk' }];
