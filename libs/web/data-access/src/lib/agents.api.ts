import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Agent, CreateAgentRequest, DeleteAgentResponse, ImportAgentsRequest, ImportAgentsResponse, ListAgentsQuery, MyProfile, Page, SetAgentPasswordRequest, UpdateAgentRequest } from '@shiftdesk/shared-api-contract';
import type { Observable } from 'rxjs';
import { API_BASE } from './api-paths';

/** Query parameters without the unset ones: `undefined`, `null` and `''` are left out. */
export function toQueryParams(query: object): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params = params.set(key, String(value));
  }
  return params;
}

@Injectable({ providedIn: 'root' })
export class AgentsApi {
  private readonly http = inject(HttpClient);

  list(query: ListAgentsQuery): Observable<Page<Agent>> {
    return this.http.get<Page<Agent>>(`${API_BASE}/agents`, { params: toQueryParams(query) });
  }

  get(id: string): Observable<Agent> {
    return this.http.get<Agent>(`${API_BASE}/agents/${encodeURIComponent(id)}`);
  }

  create(request: CreateAgentRequest): Observable<Agent> {
    return this.http.post<Agent>(`${API_BASE}/agents`, request);
  }

  /** A team's agents from a CSV, all or none; `dryRun` only checks. */
  importCsv(request: ImportAgentsRequest): Observable<ImportAgentsResponse> {
    return this.http.post<ImportAgentsResponse>(`${API_BASE}/agents/import`, request);
  }

  update(id: string, request: UpdateAgentRequest): Observable<Agent> {
    return this.http.patch<Agent>(`${API_BASE}/agents/${encodeURIComponent(id)}`, request);
  }

  /** Gives the agent a login with this password, or resets it (the agent's sessions end). */
  setPassword(id: string, request: SetAgentPasswordRequest): Observable<Agent> {
    return this.http.put<Agent>(`${API_BASE}/agents/${encodeURIComponent(id)}/password`, request);
  }

  /** Deletes the agent, or archives them when they have shifts; the answer says which. */
  remove(id: string): Observable<DeleteAgentResponse> {
    return this.http.delete<DeleteAgentResponse>(`${API_BASE}/agents/${encodeURIComponent(id)}`);
  }

  myProfile(): Observable<MyProfile> {
    return this.http.get<MyProfile>(`${API_BASE}/me/profile`);
  }
}
