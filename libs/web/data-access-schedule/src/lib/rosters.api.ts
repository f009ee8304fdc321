import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { API_PREFIX, type ApplyRosterResponse, type GenerateRosterAccepted, type GenerateRosterRequest, type PublishShiftsResponse, type RosterJob } from '@shiftdesk/shared-api-contract';
import type { Observable } from 'rxjs';

/** Same origin as the web app (see web-data-access's API_BASE; data-access libs do not import each other). */
const API_BASE = `/${API_PREFIX}`;

function rosters(teamId: string): string {
  return `${API_BASE}/teams/${encodeURIComponent(teamId)}/rosters`;
}

function job(teamId: string, jobId: string): string {
  return `${rosters(teamId)}/jobs/${encodeURIComponent(jobId)}`;
}

/** Issue 4's roster generation endpoints (managers), typed by the shared contract. */
@Injectable({ providedIn: 'root' })
export class RostersApi {
  private readonly http = inject(HttpClient);

  generate(teamId: string, request: GenerateRosterRequest): Observable<GenerateRosterAccepted> {
    return this.http.post<GenerateRosterAccepted>(`${rosters(teamId)}/generate`, request);
  }
  job(teamId: string, jobId: string): Observable<RosterJob> {
    return this.http.get<RosterJob>(job(teamId, jobId));
  }
  cancel(teamId: string, jobId: string): Observable<RosterJob> {
    return this.http.post<RosterJob>(`${job(teamId, jobId)}/cancel`, {});
  }
  apply(teamId: string, jobId: string): Observable<ApplyRosterResponse> {
    return this.http.post<ApplyRosterResponse>(`${job(teamId, jobId)}/apply`, {});
  }
  /** Publishes the team's draft shifts starting in [from, to) (UTC instants). */
  publish(teamId: string, span: { from: string; to: string }): Observable<PublishShiftsResponse> {
    const params = new HttpParams().set('from', span.from).set('to', span.to);
    return this.http.post<PublishShiftsResponse>(`${API_BASE}/teams/${encodeURIComponent(teamId)}/shifts/publish`, {}, { params });
  }
}
