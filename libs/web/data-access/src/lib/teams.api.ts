import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { AddTeamManagerRequest, CreateTeamRequest, Page, Region, Team, TeamManager, TeamSettings, UpdateTeamRequest, UpdateTeamSettingsRequest, WebhookDeliveriesQuery, WebhookDeliveriesResponse } from '@shiftdesk/shared-api-contract';
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

  /** Scheduling values and the webhook (managers of the team only). */
  settings(id: string): Observable<TeamSettings> {
    return this.http.get<TeamSettings>(`${API_BASE}/teams/${encodeURIComponent(id)}/settings`);
  }

  /** The answer carries `webhookSecret` once, when this call generated it. */
  updateSettings(id: string, request: UpdateTeamSettingsRequest): Observable<TeamSettings> {
    return this.http.patch<TeamSettings>(`${API_BASE}/teams/${encodeURIComponent(id)}/settings`, request);
  }

  /** The team's managers, by name. */
  managers(id: string): Observable<TeamManager[]> {
    return this.http.get<TeamManager[]>(`${API_BASE}/teams/${encodeURIComponent(id)}/managers`);
  }

  /** Links an existing manager account, or creates one (name and password then needed). */
  addManager(id: string, request: AddTeamManagerRequest): Observable<TeamManager> {
    return this.http.post<TeamManager>(`${API_BASE}/teams/${encodeURIComponent(id)}/managers`, request);
  }

  removeManager(id: string, userId: string): Observable<void> {
    return this.http.delete<void>(`${API_BASE}/teams/${encodeURIComponent(id)}/managers/${encodeURIComponent(userId)}`);
  }

  /** The webhook's delivery log, newest first. */
  webhookDeliveries(id: string, query: WebhookDeliveriesQuery = {}): Observable<WebhookDeliveriesResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    return this.http.get<WebhookDeliveriesResponse>(`${API_BASE}/teams/${encodeURIComponent(id)}/webhooks/deliveries`, { params });
  }
}

@Injectable({ providedIn: 'root' })
export class RegionsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<Region[]> {
    return this.http.get<Page<Region> | Region[]>(`${API_BASE}/regions`).pipe(map((result) => toItems(result)));
  }
}
