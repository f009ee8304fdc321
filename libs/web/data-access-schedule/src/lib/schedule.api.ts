import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  type AlertsQuery,
  type AlertsResponse,
  API_PREFIX,
  type CoveragePreset,
  type CoverageQuery,
  type CoverageResponse,
  type CoverageRule,
  type CreateCoverageRuleRequest,
  type CreateOverrideRequest,
  type CreateRotationRequest,
  type CreateShiftRequest,
  type DeleteRotationResponse,
  type GapCandidatesQuery,
  type GapAlert,
  type GapCandidatesResponse,
  type GapsQuery,
  type GapsResponse,
  type ImportGrafanaOncallRequest,
  type ImportOpsgenieRequest,
  type ImportScheduleResponse,
  type ManualShift,
  type Override,
  type Rotation,
  type RotationPreviewQuery,
  type RotationPreviewResponse,
  type ScheduleResponse,
  type StaffingQuery,
  type StaffingResponse,
  type UpdateRotationRequest,
  type UpdateRotationResponse,
  type UpdateShiftRequest,
  type ViolationsResponse,
  type WindowQuery,
} from '@shiftdesk/shared-api-contract';
import type { Observable } from 'rxjs';

/** Same origin as the web app (see web-data-access's API_BASE; data-access libs do not import each other). */
const API_BASE = `/${API_PREFIX}`;

function params(query: object): HttpParams {
  let result = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    result = result.set(key, String(value));
  }
  return result;
}

function team(teamId: string): string {
  return `${API_BASE}/teams/${encodeURIComponent(teamId)}`;
}

/** Issue 3's endpoints under `/api/teams/:teamId/…`, typed by the shared contract. */
@Injectable({ providedIn: 'root' })
export class ScheduleApi {
  private readonly http = inject(HttpClient);

  // ---- final schedule and manual shifts ----
  schedule(teamId: string, query: WindowQuery): Observable<ScheduleResponse> {
    return this.http.get<ScheduleResponse>(`${team(teamId)}/schedule`, { params: params(query) });
  }
  /** The same window as CSV text (fetched with the token; the page saves it). */
  scheduleCsv(teamId: string, query: WindowQuery): Observable<string> {
    return this.http.get(`${team(teamId)}/schedule.csv`, { params: params(query), responseType: 'text' });
  }
  createShift(teamId: string, request: CreateShiftRequest): Observable<ManualShift> {
    return this.http.post<ManualShift>(`${team(teamId)}/shifts`, request);
  }
  updateShift(teamId: string, id: string, request: UpdateShiftRequest): Observable<ManualShift> {
    return this.http.patch<ManualShift>(`${team(teamId)}/shifts/${encodeURIComponent(id)}`, request);
  }
  overrides(teamId: string, query: WindowQuery): Observable<Override[]> {
    return this.http.get<Override[]>(`${team(teamId)}/overrides`, { params: params(query) });
  }
  deleteOverride(teamId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${team(teamId)}/overrides/${encodeURIComponent(id)}`);
  }
  /** Someone takes over what a rotation put on a span (the whole shift or part of it). */
  createOverride(teamId: string, request: CreateOverrideRequest): Observable<Override> {
    return this.http.post<Override>(`${team(teamId)}/overrides`, request);
  }
  deleteShift(teamId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${team(teamId)}/shifts/${encodeURIComponent(id)}`);
  }

  // ---- rotations ----
  /** An Opsgenie schedule as rotations; `dryRun` only answers what would be made. */
  importOpsgenie(teamId: string, request: ImportOpsgenieRequest): Observable<ImportScheduleResponse> {
    return this.http.post<ImportScheduleResponse>(`${team(teamId)}/rotations/import/opsgenie`, request);
  }

  /** Grafana OnCall's shifts (and users) as rotations; `dryRun` only answers what would be made. */
  importGrafanaOncall(teamId: string, request: ImportGrafanaOncallRequest): Observable<ImportScheduleResponse> {
    return this.http.post<ImportScheduleResponse>(`${team(teamId)}/rotations/import/grafana-oncall`, request);
  }
  rotations(teamId: string): Observable<Rotation[]> {
    return this.http.get<Rotation[]>(`${team(teamId)}/rotations`);
  }
  createRotation(teamId: string, request: CreateRotationRequest): Observable<Rotation> {
    return this.http.post<Rotation>(`${team(teamId)}/rotations`, request);
  }
  updateRotation(teamId: string, id: string, request: UpdateRotationRequest): Observable<UpdateRotationResponse> {
    return this.http.patch<UpdateRotationResponse>(`${team(teamId)}/rotations/${encodeURIComponent(id)}`, request);
  }
  deleteRotation(teamId: string, id: string): Observable<DeleteRotationResponse> {
    return this.http.delete<DeleteRotationResponse>(`${team(teamId)}/rotations/${encodeURIComponent(id)}`);
  }
  previewRotation(teamId: string, id: string, query: RotationPreviewQuery): Observable<RotationPreviewResponse> {
    return this.http.get<RotationPreviewResponse>(`${team(teamId)}/rotations/${encodeURIComponent(id)}/preview`, { params: params(query) });
  }

  // ---- coverage rules, coverage, gaps ----
  presets(): Observable<CoveragePreset[]> {
    return this.http.get<CoveragePreset[]>(`${API_BASE}/coverage-presets`);
  }
  coverageRules(teamId: string): Observable<CoverageRule[]> {
    return this.http.get<CoverageRule[]>(`${team(teamId)}/coverage-rules`);
  }
  createCoverageRule(teamId: string, request: CreateCoverageRuleRequest): Observable<CoverageRule> {
    return this.http.post<CoverageRule>(`${team(teamId)}/coverage-rules`, request);
  }
  deleteCoverageRule(teamId: string, id: string): Observable<void> {
    return this.http.delete<void>(`${team(teamId)}/coverage-rules/${encodeURIComponent(id)}`);
  }
  coverage(teamId: string, query: CoverageQuery): Observable<CoverageResponse> {
    return this.http.get<CoverageResponse>(`${team(teamId)}/coverage`, { params: params(query) });
  }
  gaps(teamId: string, query: GapsQuery): Observable<GapsResponse> {
    return this.http.get<GapsResponse>(`${team(teamId)}/gaps`, { params: params(query) });
  }
  gapCandidates(teamId: string, query: GapCandidatesQuery): Observable<GapCandidatesResponse> {
    return this.http.get<GapCandidatesResponse>(`${team(teamId)}/gaps/candidates`, { params: params(query) });
  }
  violations(teamId: string, query: WindowQuery): Observable<ViolationsResponse> {
    return this.http.get<ViolationsResponse>(`${team(teamId)}/violations`, { params: params(query) });
  }
  staffing(teamId: string, query: StaffingQuery = {}): Observable<StaffingResponse> {
    return this.http.get<StaffingResponse>(`${team(teamId)}/staffing`, { params: params(query) });
  }

  // ---- gap alerts (managers) ----
  alerts(teamId: string, query: AlertsQuery = {}): Observable<AlertsResponse> {
    return this.http.get<AlertsResponse>(`${team(teamId)}/alerts`, { params: params(query) });
  }
  acknowledgeAlert(teamId: string, id: string): Observable<GapAlert> {
    return this.http.post<GapAlert>(`${team(teamId)}/alerts/${encodeURIComponent(id)}/acknowledge`, {});
  }
}
