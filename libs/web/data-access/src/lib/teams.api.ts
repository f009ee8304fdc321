import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { CreateTeamRequest, Page, Region, Team, UpdateTeamRequest } from '@shiftdesk/shared-api-contract';
import { toItems } from '@shiftdesk/web-util';
import { map, type Observable } from 'rxjs';
import { API_BASE } from './api-paths';

/** Teams and regions are few: their list endpoints answer every row (a Page is accepted too). */
@Injectable({ providedIn: 'root' })
export class TeamsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Team[]> {
    return this.http.get<Page<Team> | Team[]>(`${API_BASE}/teams`).pipe(map((result) => toItems(result)));
  }

  get(id: string): Observable<Team> {
    return this.http.get<Team>(`${API_BASE}/teams/${encodeURIComponent(id)}`);
  }

  create(request: CreateTeamRequest): Observable<Team> {
    return this.http.post<Team>(`${API_BASE}/teams`, request);
  }

  update(id: string, request: UpdateTeamRequest): Observable<Team> {
    return this.http.patch<Team>(`${API_BASE}/teams/${encodeURIComponent(id)}`, request);
  }
}

@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Region[]> {
    return this.http.get<Page<Region> | Region[]>(`${API_BASE}/regions`).pipe(map((result) => toItems(result)));
  }
}
